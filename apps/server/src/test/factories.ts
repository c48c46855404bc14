import { idCardCheckChar, type TPersonInput, type TRole } from '@lifeline/shared';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { accounts } from '../modules/auth/auth.table.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { createSession, SESSION_COOKIE } from '../modules/auth/sessions.js';
import { orgUnits } from '../modules/org-units/org-units.table.js';
import { personValues } from '../modules/people/people.rules.js';
import { people } from '../modules/people/people.table.js';
import { roleAssignments } from '../modules/roles/roles.table.js';
import type { FieldCrypto } from '../platform/crypto/field-crypto.js';
import type { Db } from '../platform/db/types.js';

export type Unit = typeof orgUnits.$inferSelect;

let idSeq = Math.floor(Math.random() * 400);
/** A valid, unused ID-card number with matching gender and birth date (GB 11643 check digit). */
export function makeIdCard(gender: 'male' | 'female' = 'female'): {
  idCard: string;
  gender: 'male' | 'female';
  birthDate: string;
} {
  idSeq += 1;
  const day = String((idSeq % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(idSeq / 28) % 12) + 1).padStart(2, '0');
  const year = 1960 + (Math.floor(idSeq / 336) % 40);
  const order = String((idSeq * 2 + (gender === 'male' ? 1 : 0)) % 1000).padStart(3, '0');
  const first17 = `110105${year}${month}${day}${order}`;
  return { idCard: first17 + idCardCheckChar(first17), gender, birthDate: `${year}-${month}-${day}` };
}
export type Person = typeof people.$inferSelect;

let seq = 0;
const next = () => {
  seq += 1;
  return seq;
};

/** A unit under a parent (or a new top unit), with its materialized path. */
export async function buildUnit(db: Db, parent?: Unit | null, fields: Partial<Unit> = {}): Promise<Unit> {
  const n = next();
  const [row] = await db
    .insert(orgUnits)
    .values({
      parentId: parent?.id ?? null,
      path: 'pending',
      depth: parent ? parent.depth + 1 : 0,
      name: fields.name ?? `测试单位${n}`,
      code: fields.code ?? `U${n}-${Math.random().toString(36).slice(2, 8)}`,
      type: fields.type ?? (parent ? 'party_branch' : 'group_party_committee'),
      namePinyin: fields.namePinyin ?? `ceshidanwei${n}`,
      sortOrder: fields.sortOrder ?? n,
    })
    .returning();
  const [withPath] = await db
    .update(orgUnits)
    .set({ path: `${parent?.path ?? '/'}${row.id}/` })
    .where(eq(orgUnits.id, row.id))
    .returning();
  return withPath;
}

/** A person in a unit, stored through the same rules as the API uses. */
export async function buildPerson(
  db: Db,
  crypto: FieldCrypto,
  unit: Unit,
  fields: Partial<TPersonInput> = {},
): Promise<Person> {
  const n = next();
  const input: TPersonInput = {
    employeeNo: `T${String(n).padStart(6, '0')}${Math.random().toString(36).slice(2, 5)}`.slice(0, 20),
    name: `张${'一二三四五六七八九十'[n % 10]}${n}`,
    gender: 'male',
    unitId: unit.id,
    politicalStatus: 'masses',
    positions: [],
    employmentStatus: 'active',
    ...fields,
  };
  const [row] = await db.insert(people).values(personValues(input, crypto)).returning();
  return row;
}

export async function grantRole(
  db: Db,
  person: Person,
  role: TRole,
  unit: Unit,
  dates: { startsOn?: string; endsOn?: string } = {},
) {
  const [row] = await db
    .insert(roleAssignments)
    .values({
      personId: person.id,
      role,
      unitId: unit.id,
      startsOn: dates.startsOn ?? null,
      endsOn: dates.endsOn ?? null,
    })
    .returning();
  return row;
}

export const TEST_PASSWORD = 'Lifeline@Test1';
let cachedHash: string | undefined;

/** An account for the person (password TEST_PASSWORD, already changed unless asked). */
export async function buildAccount(
  db: Db,
  person: Person,
  options: { mustChangePassword?: boolean; password?: string } = {},
) {
  if (!cachedHash) cachedHash = await hashPassword(TEST_PASSWORD);
  const hash = options.password ? await hashPassword(options.password) : cachedHash;
  const [row] = await db
    .insert(accounts)
    .values({
      personId: person.id,
      passwordHash: hash,
      mustChangePassword: options.mustChangePassword ?? false,
    })
    .returning();
  return row;
}

export const ORIGIN = 'http://localhost:80';

/** A logged-in client: requests carry the session cookie and a same-site Origin. */
export type Client = {
  person: Person;
  cookie: string;
  request(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
};

export function clientFor(app: FastifyInstance, person: Person, token: string): Client {
  const cookie = `${SESSION_COOKIE}=${token}`;
  return {
    person,
    cookie,
    request: (method, url, payload, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, origin: ORIGIN, ...headers },
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      }),
  };
}

/**
 * A person with an account, the given roles on the given units, and a session made directly
 * (no password round trip): the `login()` fixture of the API tests.
 */
export async function loginAs(
  app: FastifyInstance,
  unit: Unit,
  roles: [TRole, Unit][] = [],
  fields: Partial<TPersonInput> = {},
): Promise<Client> {
  const db = app.lifeline.database.db;
  const person = await buildPerson(db, app.lifeline.crypto, unit, fields);
  const account = await buildAccount(db, person);
  for (const [role, on] of roles) await grantRole(db, person, role, on);
  const token = await createSession(db, account.id, { ip: '127.0.0.1', userAgent: 'test' });
  return clientFor(app, person, token);
}

/** A multipart/form-data body with one file field, for upload routes. */
export function multipart(
  field: string,
  fileName: string,
  bytes: Buffer,
  contentType = 'application/octet-stream',
) {
  const boundary = `----lifeline${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * A multipart/form-data body with text fields and files (each file part: field name, file name,
 * bytes and content type), for forms such as a hotline filing ("item" JSON and "photo" files).
 */
export function multipartForm(
  fields: Record<string, string>,
  files: { field: string; fileName: string; bytes: Buffer; contentType?: string }[] = [],
) {
  const boundary = `----lifeline${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${encodeURIComponent(f.fileName)}"\r\nContent-Type: ${f.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Runs due jobs until none is left (tests have no background worker). */
export async function drainJobs(app: FastifyInstance): Promise<void> {
  const { JobWorker } = await import('../platform/jobs/job-worker.js');
  const { jobHandlers } = await import('../jobs.js');
  const worker = new JobWorker(app.lifeline.database.db, jobHandlers(app.lifeline));
  while ((await worker.runOnce()) > 0) {
    /* keep going */
  }
}

/**
 * Why the authorization matrix checks no owner or scope on a route (matrix-targets*.ts): the
 * reasons shared by several routes, in one wording.
 */
export const NO_OWNER_CHECK = {
  own: "acts on the caller's own records, no id in the address",
  reference: 'reference data every employee reads',
} as const;
