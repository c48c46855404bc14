import type { TPermission } from '@lifeline/shared';
import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { RouteAccess } from '../http/route-access.js';
import { type Actor, can, type Grant, grantOn, scopePaths, scopeSql } from './actor.js';

/** How a refused condition answers: `not_found` hides the record; the others explain. */
export type RefusalCode = 'not_found' | 'forbidden' | 'invalid_transition' | 'conflict';

/**
 * A condition beyond the permission, on the actor and the record: "a member of the meeting",
 * "not recused", "the coach the request was sent to". The record carries what the test needs
 * (the service loads it), so a policy stays a pure table that the abilities can evaluate too.
 */
export type Condition<R> =
  | {
      test: (actor: Actor, record: R) => boolean;
      refuse: { code: RefusalCode; reason: string; message: string };
    }
  /** A condition whose refusal depends on the record (which permissions a role exceeds by). */
  | { problem: (actor: Actor, record: R) => AppError | null };

/**
 * Who may take one action on one kind of record:
 * - `{ permission, on }`: the permission held on the record's unit (a grant on it or an ancestor);
 * - `{ permission, anywhere }`: the permission held on some unit; for lists, whose scope the query
 *   puts into SQL with `scope()`, and for a person's own work that needs the permission;
 * - `{ permission, top }`: the permission held on a top unit of the tree, for what belongs to the
 *   whole group (its settings): an administrator of a subsidiary does not change the group's;
 * - `{ owner }`: the actor's own record (another person's answers 404, as a missing one does),
 *   with `permission` also held on some unit when the record is an administrator's own work
 *   (an import they uploaded);
 * - `{ anyone }`: any logged-in caller, subject to its conditions (a public notice once published);
 * - `{ anyOf }`: the first alternative that allows.
 * Each may add conditions (`when`), evaluated in order after the scope.
 */
export type Rule<R> =
  | { permission: TPermission; on: (record: R) => string; when?: Condition<R>[] }
  | { permission: TPermission; anywhere: true; when?: Condition<R>[] }
  | { permission: TPermission; top: true; when?: Condition<R>[] }
  | { anyone: true; when?: Condition<R>[] }
  | {
      owner: (record: R) => number | null | undefined;
      permission?: TPermission;
      when?: Condition<R>[];
    }
  | { anyOf: Exclude<Rule<R>, { anyOf: unknown }>[] };

/** A rule that is not a choice between rules: what `anyOf` lists. */
export type SingleRule<R> = Exclude<Rule<R>, { anyOf: unknown }>;
type Single<R> = SingleRule<R>;

/** The outcome of evaluating a rule: allowed with the grant acted with, or refused with an error. */
type Verdict = { ok: true; grant: Grant | null } | { ok: false; error: AppError; held: boolean };

/** A resource's policy: the one place that says who may do what to it. */
export type Policy<R, A extends string> = {
  readonly resource: string;
  readonly rules: Readonly<Record<A, Rule<R>>>;
  /**
   * Asserts the action on the record and returns the grant acted with (null for an owner's own
   * record), for the audit row. 403 without the permission anywhere; 404 outside its scope or not
   * the owner; a failed condition answers its own code and reason.
   */
  authorize(actor: Actor, action: A, record: R): Grant | null;
  /** Whether the actor may take the action on the record now. */
  can(actor: Actor, action: A, record: R): boolean;
  /** The caller's abilities on the record, sent with it so that the UI offers only what will work. */
  abilities<K extends A>(actor: Actor, record: R, actions?: readonly K[]): Record<K, boolean>;
  /** The scope of a permission rule as a SQL condition on a unit-path column, for list queries. */
  scope(actor: Actor, action: A, pathColumn: unknown): SQL;
  /** The subtrees (paths) in the action's scope, for records that keep the scope they were made in. */
  scopePaths(actor: Actor, action: A): string[];
  /** Whether the actor holds the action's permission on some unit (menus, list gates). */
  holds(actor: Actor, action: A): boolean;
  /** The route's access declaration for this action: its permission, or any logged-in account. */
  access(action: A): RouteAccess;
};

function evaluate<R>(rule: Single<R>, actor: Actor, record: R, resource: string): Verdict {
  let grant: Grant | null = null;
  if ('owner' in rule) {
    if (rule.permission) {
      if (!can(actor, rule.permission))
        return {
          ok: false,
          held: false,
          error: new AppError('forbidden', `You may not do this (${rule.permission})`),
        };
      grant = grantOn(actor, rule.permission, null);
    }
    const owner = rule.owner(record);
    if (owner == null || owner !== actor.personId)
      return { ok: false, held: true, error: new AppError('not_found', `${resource} not found`) };
  } else if ('anyone' in rule) {
    // Any logged-in caller: only the conditions decide.
  } else if ('top' in rule) {
    grant = grantOn(actor, rule.permission, null);
    if (!grant)
      return {
        ok: false,
        held: false,
        error: new AppError('forbidden', `You may not do this (${rule.permission})`),
      };
    if (!isTopPath(grant.unitPath))
      return {
        ok: false,
        held: true,
        error: new AppError('forbidden', 'Only an administrator of the whole group may do this', {
          reason: 'group_only',
        }),
      };
  } else if ('anywhere' in rule) {
    if (!can(actor, rule.permission))
      return {
        ok: false,
        held: false,
        error: new AppError('forbidden', `You may not do this (${rule.permission})`),
      };
    grant = grantOn(actor, rule.permission, null);
  } else {
    if (!can(actor, rule.permission))
      return {
        ok: false,
        held: false,
        error: new AppError('forbidden', `You may not do this (${rule.permission})`),
      };
    grant = grantOn(actor, rule.permission, rule.on(record));
    if (!grant) return { ok: false, held: true, error: new AppError('not_found', `${resource} not found`) };
  }
  for (const c of rule.when ?? []) {
    if ('problem' in c) {
      const error = c.problem(actor, record);
      if (error) return { ok: false, held: true, error };
      continue;
    }
    if (!c.test(actor, record)) {
      const { code, reason, message } = c.refuse;
      const error =
        code === 'not_found'
          ? new AppError('not_found', `${resource} not found`)
          : new AppError(code, message, { reason });
      return { ok: false, held: true, error };
    }
  }
  return { ok: true, grant };
}

/** A top unit's path has one segment: `/1/`. */
export const isTopPath = (path: string) => path.split('/').length === 3;

function judge<R>(rule: Rule<R>, actor: Actor, record: R, resource: string): Verdict {
  if (!('anyOf' in rule)) return evaluate(rule, actor, record, resource);
  let best: Verdict | null = null;
  for (const alternative of rule.anyOf) {
    const v = evaluate(alternative, actor, record, resource);
    if (v.ok) return v;
    // Prefer the most telling refusal: a failed condition over "not found", and both over 403.
    const rank = (x: Verdict) => (x.ok ? 3 : x.held ? (x.error.code === 'not_found' ? 1 : 2) : 0);
    if (!best || rank(v) > rank(best)) best = v;
  }
  return best ?? { ok: false, held: false, error: new AppError('forbidden', 'You may not do this') };
}

function singlesOf<R>(rule: Rule<R>): Single<R>[] {
  return 'anyOf' in rule ? rule.anyOf : [rule as Single<R>];
}

function permissionsOf<R>(rule: Rule<R>): TPermission[] {
  return singlesOf(rule).flatMap((s) => ('permission' in s && s.permission ? [s.permission] : []));
}

/**
 * Declares a resource's policy. Services call `authorize` with an action name and presenters call
 * `abilities`; neither spells a permission, so a rule changes here and nowhere else.
 */
export function definePolicy<R, A extends string>(resource: string, rules: Record<A, Rule<R>>): Policy<R, A> {
  const actions = Object.keys(rules) as A[];
  return {
    resource,
    rules,
    authorize(actor, action, record) {
      const v = judge(rules[action], actor, record, resource);
      if (!v.ok) throw v.error;
      return v.grant;
    },
    can(actor, action, record) {
      return judge(rules[action], actor, record, resource).ok;
    },
    abilities<K extends A>(actor: Actor, record: R, only?: readonly K[]) {
      const out = {} as Record<K, boolean>;
      for (const action of (only ?? actions) as K[])
        out[action] = judge(rules[action], actor, record, resource).ok;
      return out;
    },
    scope(actor, action, pathColumn) {
      const parts = singlesOf(rules[action]).map((s) => {
        if ('owner' in s || 'top' in s || 'anyone' in s || !s.permission)
          throw new Error(`${resource}.${action}: only a unit rule has a unit scope`);
        return scopeSql(actor, s.permission, pathColumn);
      });
      return parts.length === 1 ? parts[0] : sql`(${sql.join(parts, sql` or `)})`;
    },
    scopePaths(actor, action) {
      const paths = permissionsOf(rules[action]).flatMap((p) => scopePaths(actor, p));
      return [...new Set(paths)].sort().filter((p, i, all) => !all.slice(0, i).some((q) => p.startsWith(q)));
    },
    holds(actor, action) {
      return permissionsOf(rules[action]).some((p) => can(actor, p));
    },
    access(action) {
      const rule = rules[action];
      if (singlesOf(rule).some((s) => 'anyone' in s || ('owner' in s && !s.permission)))
        return 'authenticated';
      const [first, ...others] = permissionsOf(rule);
      return others.length ? { permission: first, or: others } : { permission: first };
    },
  };
}

/** A unit as the record of a policy: actions on a unit itself or on what is created in it. */
export type UnitRecord = { unitPath: string };
/** The usual `on`: the record's own unit path. */
export const onUnit = (r: UnitRecord) => r.unitPath;

/** Whether a condition on the record holds, written where a rule reads better with a name. */
export function condition<R>(
  test: (actor: Actor, record: R) => boolean,
  code: RefusalCode,
  reason: string,
  message: string,
): Condition<R> {
  return { test, refuse: { code, reason, message } };
}
