import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/audit.js';
import { queryOne } from '../../../platform/db/sql.js';
import type { Db } from '../../../platform/db/types.js';

/**
 * A full roster: the people in post (`active`) in the units the file's rows name who are not
 * in the file. "In the file" is any row with their employee number, valid or not (a row with
 * an error is someone HR listed, not someone who left), read from the import's staged rows
 * (kind `seen` for rows with errors). Retired people are not in post and never counted: a
 * roster of staff does not list them. Only the units the file names count, not their subtrees.
 */
function missingWhere(importId: number, unitIds: readonly number[], employeeNoKey: string) {
  const employeeNo = sql.raw(`r.values ->> '${employeeNoKey}'`);
  return sql`p.unit_id = any(${`{${unitIds.join(',')}}`}::bigint[]) and p.employment_status = 'active'
    and not exists (select 1 from person_import_rows r where r.import_id = ${importId} and ${employeeNo} = p.employee_no)`;
}

/** The preview: how many people in post in the file's units the file leaves out. */
export async function countMissing(
  db: Db,
  importId: number,
  unitIds: readonly number[],
  employeeNoKey: string,
): Promise<number> {
  if (!unitIds.length) return 0;
  const row = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from people p where ${missingWhere(importId, unitIds, employeeNoKey)}`,
  );
  return row?.n ?? 0;
}

/**
 * Marks the people the file leaves out as `status` (resigned or transferred out), with an audit
 * event each (the change of employment status, the import and `missingFromFile`), inside the
 * apply transaction; returns how many were marked.
 */
export async function markMissing(
  tx: Db,
  importId: number,
  unitIds: readonly number[],
  employeeNoKey: string,
  status: string,
  actor: Actor,
): Promise<number> {
  if (!unitIds.length) return 0;
  const row = await queryOne<{ n: number }>(
    tx,
    sql`with marked as (
          update people p set employment_status = ${status}, version = p.version + 1, updated_at = now()
          where ${missingWhere(importId, unitIds, employeeNoKey)}
          returning p.id, p.unit_id
        ), audited as (
          insert into audit_events (actor_person_id, actor_role, actor_unit_id, action, record_type, record_id, unit_id, changes, details, ip, request_id)
          select ${actor.personId}, ${actor.role ?? null}, ${actor.unitId ?? null}, 'person.update', 'person', m.id::text, m.unit_id,
                 jsonb_build_object('employmentStatus', jsonb_build_object('before', 'active', 'after', ${status}::text)),
                 jsonb_build_object('importId', ${importId}::bigint, 'missingFromFile', true),
                 ${actor.ip ?? null}, ${actor.requestId ?? null}
          from marked m
          returning 1
        )
        select count(*)::int as n from audited`,
  );
  return row?.n ?? 0;
}
