import { randomUUID } from 'node:crypto';
import type { TRole } from '@lifeline/shared';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, loginAs, ORIGIN, type Unit } from './factories.js';
import {
  HOSTILE_BODIES,
  HOSTILE_QUERY,
  HOSTILE_SEGMENTS,
  hostileValues,
  type JsonSchema,
  leaves,
  replaced,
  sample,
} from './fuzz-inputs.js';
import { BROKEN_MULTIPART, HOSTILE_UPLOADS } from './fuzz-multipart.js';
import { buildTestApp, type TestApp } from './test-app.js';

/**
 * Every operation of the OpenAPI document, driven as an anonymous caller, a plain employee and
 * a system administrator (also a coach) with hostile input: NUL and lone surrogates in every string field,
 * path segment and query parameter, wrong types, huge numbers, ids that are not ids, broken
 * JSON and multipart bodies, very long strings, arrays for objects. One bad value per field
 * per route (not their product), on top of a valid-looking request. No answer may be a 5xx.
 */
type Parameter = { name: string; schema: JsonSchema; required?: boolean };
type Operation = {
  method: string;
  url: string;
  params: Parameter[];
  query: Parameter[];
  body?: JsonSchema;
  upload: boolean;
  isPublic: boolean;
};
type Case = { label: string; url: string; payload?: string | Buffer; contentType?: string };
type Actor = 'anonymous' | 'employee' | 'sysadmin';

let t: TestApp;
let root: Unit;
let operations: Operation[];

beforeAll(async () => {
  t = await buildTestApp();
  root = await buildUnit(t.app.lifeline.database.db);
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  operations = t.app.lifeline.routes.map((route) => {
    const op = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
    if (!op) throw new Error(`${route.method} ${route.url} is missing from the OpenAPI document`);
    const parameters = (op.parameters ?? []) as (Parameter & { in: string })[];
    return {
      method: route.method,
      url: route.url,
      params: parameters.filter((p) => p.in === 'path'),
      query: parameters.filter((p) => p.in === 'query'),
      body: op.requestBody?.content?.['application/json']?.schema,
      upload: /multipart/i.test(op.summary ?? ''),
      isPublic: route.access === 'public',
    };
  });
});
afterAll(() => t.close());

/** A path parameter's valid-looking value: id 1 (the first unit, person …), a UUID, a date, a code. */
function validSegment(p: Parameter): string {
  if (p.schema.format === 'uuid') return randomUUID();
  return encodeURIComponent(String(sample(p.schema)));
}

function urlWith(op: Operation, segments: Record<string, string>, query: [string, string][]): string {
  const path = op.url.replace(/:(\w+)/g, (_, name: string) => segments[name]);
  return query.length ? `${path}?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : path;
}

/** The requests tried on one operation: valid-looking first, then one hostile value at a time. */
function cases(op: Operation, full: boolean): Case[] {
  const valid = Object.fromEntries(op.params.map((p) => [p.name, validSegment(p)]));
  const baseQuery: [string, string][] = op.query
    .filter((q) => q.required)
    .map((q) => [q.name, encodeURIComponent(String(sample(q.schema)))]);
  const url = urlWith(op, valid, baseQuery);
  const body = op.body ? sample(op.body) : undefined;
  const json = (value: unknown) => JSON.stringify(value);
  const withBody = (label: string, u: string): Case =>
    body === undefined
      ? { label, url: u }
      : { label, url: u, payload: json(body), contentType: 'application/json' };

  const out: Case[] = [withBody('valid-looking request', url)];
  for (const p of op.params) {
    for (const [label, segment] of full ? HOSTILE_SEGMENTS : HOSTILE_SEGMENTS.slice(6, 9)) {
      out.push(withBody(`path :${p.name} ${label}`, urlWith(op, { ...valid, [p.name]: segment }, baseQuery)));
    }
  }
  if (full) {
    for (const q of op.query) {
      const others = baseQuery.filter(([k]) => k !== q.name);
      for (const [label, value] of HOSTILE_QUERY) {
        out.push(withBody(`query ${q.name} ${label}`, urlWith(op, valid, [...others, [q.name, value]])));
      }
      out.push(
        withBody(`query ${q.name} twice`, urlWith(op, valid, [...others, [q.name, 'a'], [q.name, 'b']])),
      );
    }
  }
  if (op.body) {
    if (full) {
      for (const leaf of leaves(op.body, body)) {
        for (const [label, value] of hostileValues(leaf)) {
          out.push({
            label: `body.${leaf.path.join('.')} ${label}`,
            url,
            payload: json(replaced(body, leaf.path, value)),
            contentType: 'application/json',
          });
        }
      }
    }
    for (const [label, payload] of full ? HOSTILE_BODIES : HOSTILE_BODIES.slice(0, 1)) {
      out.push({ label, url, payload, contentType: 'application/json' });
    }
  }
  if (['POST', 'PUT', 'PATCH'].includes(op.method)) {
    const multipart = [...BROKEN_MULTIPART, ...(op.upload && full ? HOSTILE_UPLOADS : [])];
    for (const [label, contentType, payload] of full ? multipart : multipart.slice(0, 1)) {
      out.push({ label, url, payload, contentType });
    }
  }
  return out;
}

/** A fresh session per operation, so that what one operation does to its caller cannot blind the next. */
async function headersFor(actor: Actor): Promise<Record<string, string>> {
  if (actor === 'anonymous') return { origin: ORIGIN };
  // The system administrator holds every permission but a coach's; the coach role adds those routes.
  const roles: [TRole, Unit][] =
    actor === 'sysadmin'
      ? [
          ['sysadmin', root],
          ['coach', root],
        ]
      : [];
  const client = await loginAs(t.app, root, roles);
  return { origin: ORIGIN, cookie: client.cookie };
}

/** Runs every case of every operation as the actor; answers the 5xx found, each naming route and input. */
async function fuzz(actor: Actor): Promise<{ failures: string[]; requests: number }> {
  const failures: string[] = [];
  let requests = 0;
  const send = async (op: Operation, c: Case, headers: Record<string, string>) => {
    requests += 1;
    const res = await t.app.inject({
      method: op.method as InjectOptions['method'],
      url: c.url,
      headers: { ...headers, ...(c.contentType ? { 'content-type': c.contentType } : {}) },
      ...(c.payload === undefined ? {} : { payload: c.payload }),
    });
    if (res.statusCode >= 500) {
      failures.push(
        `${actor} ${op.method} ${op.url} — ${c.label} (${c.url.slice(0, 120)}): ${res.statusCode} ${res.body}`,
      );
    }
    return res.statusCode;
  };
  for (const op of operations) {
    const headers = await headersFor(actor);
    const [first, ...rest] = cases(op, true);
    const gate = await send(op, first, headers);
    // Turned away at the gate (401/403 before validation): a few hostile requests suffice.
    const turnedAway = !op.isPublic && (gate === 401 || gate === 403);
    const list = turnedAway ? cases(op, false).slice(1) : rest;
    for (const c of list) await send(op, c, headers);
  }
  return { failures, requests };
}

describe('fuzzing every operation', () => {
  for (const actor of ['anonymous', 'employee', 'sysadmin'] as const) {
    const who = {
      anonymous: 'an anonymous caller',
      employee: 'an employee',
      sysadmin: 'a system administrator',
    }[actor];
    it(`answers no hostile request of ${who} with a 5xx`, async () => {
      const { failures, requests } = await fuzz(actor);
      expect(requests).toBeGreaterThan(operations.length);
      expect(failures, failures.join('\n')).toEqual([]);
    }, 180_000);
  }
});
