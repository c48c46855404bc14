import { BUILTIN_INSTRUMENT_CODES, parseDefinition, type TScale } from '@lifeline/shared';
import { and, eq, sql } from 'drizzle-orm';
import { type Actor, writeAudit } from '../../../platform/audit/audit.js';
import { queryRows } from '../../../platform/db/sql.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { assessmentScales } from '../assessments.table.js';

type Row = {
  id: number;
  code: string;
  version: string;
  definition: { name: { zh: string; en: string }; items: unknown[] };
  status: 'active' | 'retired';
  uploaded_at: string;
  uploaded_by: string | null;
  stored: string;
};

function present(r: Row): TScale {
  return {
    id: Number(r.id),
    code: r.code,
    version: r.version,
    name: r.definition.name,
    itemCount: r.definition.items.length,
    status: r.status,
    uploadedAt: new Date(r.uploaded_at).toISOString(),
    uploadedBy: r.uploaded_by,
    storedResults: Number(r.stored),
  };
}

async function scaleRows(db: Db, id?: number): Promise<TScale[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select s.id, s.code, s.version, s.definition, s.status, s.uploaded_at, p.name as uploaded_by,
          (select count(*) from assessment_results r
            where r.instrument_code = s.code and r.instrument_version = s.version) as stored
        from assessment_scales s left join people p on p.id = s.uploaded_by
        ${id ? sql`where s.id = ${id}` : sql``}
        order by s.code, s.uploaded_at desc`,
  );
  return rows.map(present);
}

export const listScales = (db: Db) => scaleRows(db);

/**
 * Adds an administrator's scale after validating the definition: each problem names its field.
 * A code of a built-in is refused; a new version of an uploaded scale replaces the active one
 * (the old version is retired, not deleted: results scored with it keep naming it).
 */
export async function uploadScale(db: Db, actor: Actor, input: unknown): Promise<TScale> {
  const parsed = parseDefinition(input);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    throw new AppError(
      'validation_failed',
      `The definition is not valid: ${first.path.join('.')} ${first.message}`,
      {
        issues: parsed.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })),
      },
    );
  }
  const def = parsed.definition;
  if ((BUILTIN_INSTRUMENT_CODES as readonly string[]).includes(def.code)) {
    const message = `"${def.code}" is a built-in instrument; choose another code`;
    throw new AppError('validation_failed', message, { issues: [{ path: 'body.code', message }] });
  }
  const id = await db.transaction(async (tx) => {
    const [same] = await tx
      .select({ id: assessmentScales.id })
      .from(assessmentScales)
      .where(and(eq(assessmentScales.code, def.code), eq(assessmentScales.version, def.version)));
    if (same) {
      const message = `Version ${def.version} of "${def.code}" exists already; give the new definition a new version`;
      throw new AppError('conflict', message, { issues: [{ path: 'body.version', message }] });
    }
    const retired = await tx
      .update(assessmentScales)
      .set({ status: 'retired' })
      .where(and(eq(assessmentScales.code, def.code), eq(assessmentScales.status, 'active')))
      .returning({ id: assessmentScales.id });
    const [row] = await tx
      .insert(assessmentScales)
      .values({ code: def.code, version: def.version, definition: def, uploadedBy: actor.personId })
      .returning({ id: assessmentScales.id });
    await writeAudit(tx, actor, {
      action: 'assessment_scale.upload',
      recordType: 'assessment_scale',
      recordId: row.id,
      details: {
        code: def.code,
        version: def.version,
        items: def.items.length,
        retired: retired.map((r) => r.id),
      },
    });
    return row.id;
  });
  return (await scaleRows(db, id))[0];
}

/** Takes a scale off the list; its stored results stay readable. */
export async function retireScale(db: Db, actor: Actor, id: number): Promise<TScale> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(assessmentScales).where(eq(assessmentScales.id, id));
    if (!row) throw notFound('Scale');
    if (row.status === 'retired')
      throw new AppError('invalid_transition', 'This scale is retired already', {
        reason: 'already_retired',
      });
    await tx.update(assessmentScales).set({ status: 'retired' }).where(eq(assessmentScales.id, id));
    await writeAudit(tx, actor, {
      action: 'assessment_scale.retire',
      recordType: 'assessment_scale',
      recordId: id,
      changes: { status: { before: 'active', after: 'retired' } },
    });
  });
  return (await scaleRows(db, id))[0];
}
