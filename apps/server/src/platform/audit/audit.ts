import type { Db } from '../db/types.js';
import { auditEvents } from './audit.table.js';

/** Who is acting, from where: taken from the request by the identity layer. */
export type Actor = {
  personId: number | null;
  role?: string | null;
  unitId?: number | null;
  ip?: string | null;
  requestId?: string | null;
};

/** The system itself (jobs, CLI, seeding) acting without a person. */
export const SYSTEM_ACTOR: Actor = { personId: null, role: 'system' };

export type AuditEntry = {
  action: string;
  recordType: string;
  recordId?: string | number | null;
  unitId?: number | null;
  changes?: Record<string, { before: unknown; after: unknown }> | null;
  details?: Record<string, unknown> | null;
};

/**
 * Appends audit events. Call it with the transaction that makes the change, so that the change
 * and its record commit or fail together. There is deliberately no update or delete.
 */
export async function writeAudit(db: Db, actor: Actor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const rows = list.map((e) => ({
    actorPersonId: actor.personId,
    actorRole: actor.role ?? null,
    actorUnitId: actor.unitId ?? null,
    action: e.action,
    recordType: e.recordType,
    recordId: e.recordId == null ? null : String(e.recordId),
    unitId: e.unitId ?? null,
    changes: e.changes ?? null,
    details: e.details ?? null,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
  }));
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insert(auditEvents).values(rows.slice(i, i + 1000));
  }
}

export const MASK = '***';

/**
 * The changed fields between two versions of a record, with sensitive fields masked so that the
 * trail says a value changed without repeating it.
 */
export function diffFields<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  options: { fields?: (keyof T)[]; sensitive?: (keyof T)[] } = {},
): Record<string, { before: unknown; after: unknown }> {
  const keys =
    options.fields ??
    ([...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])] as (keyof T)[]);
  const sensitive = new Set(options.sensitive ?? []);
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of keys) {
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    out[String(key)] = sensitive.has(key)
      ? { before: b === null ? null : MASK, after: a === null ? null : MASK }
      : { before: b, after: a };
  }
  return out;
}
