import type { TRoutingRule } from '@lifeline/shared';
import { eq, sql } from 'drizzle-orm';
import { type Actor, writeAudit } from '../../../platform/audit/audit.js';
import { queryOne, queryRows } from '../../../platform/db/sql.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { assertStands, isDissolved } from '../../org-units/index.js';
import { hotlineRoutingRules } from '../hotline.table.js';
import { type HotlineConfig, officeUnitId } from './hotline-settings.js';

type RuleRow = {
  id: string;
  category: string | null;
  unit_id: string;
  unit_name: string;
  h_id: string;
  h_name: string;
  version: number;
};

const present = (r: RuleRow): TRoutingRule => ({
  id: Number(r.id),
  category: r.category,
  unit: { id: Number(r.unit_id), name: r.unit_name },
  handlingUnit: { id: Number(r.h_id), name: r.h_name },
  version: r.version,
});

export async function listRules(db: Db): Promise<TRoutingRule[]> {
  const rows = await queryRows<RuleRow>(
    db,
    sql`select r.id, r.category, r.unit_id, u.name as unit_name, h.id as h_id, h.name as h_name, r.version
        from hotline_routing_rules r join org_units u on u.id = r.unit_id join org_units h on h.id = r.handling_unit_id
        order by u.path, r.category nulls last`,
  );
  return rows.map(present);
}

export async function addRule(
  db: Db,
  actor: Actor,
  input: { category: string | null; unitId: number; handlingUnitId: number },
): Promise<TRoutingRule> {
  const units = await queryRows<{ id: string; dissolved_on: string | null }>(
    db,
    sql`select id, dissolved_on from org_units where id in (${input.unitId}, ${input.handlingUnitId})`,
  );
  if (units.length < (input.unitId === input.handlingUnitId ? 1 : 2)) {
    const message = 'Unknown unit';
    throw new AppError('validation_failed', message, { issues: [{ path: 'body.unitId', message }] });
  }
  for (const [field, id] of [
    ['body.unitId', input.unitId],
    ['body.handlingUnitId', input.handlingUnitId],
  ] as const) {
    assertStands({ dissolvedOn: units.find((u) => Number(u.id) === id)?.dissolved_on ?? null }, field);
  }
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(hotlineRoutingRules)
      .values({ category: input.category, unitId: input.unitId, handlingUnitId: input.handlingUnitId })
      .onConflictDoNothing()
      .returning({ id: hotlineRoutingRules.id });
    if (!row) throw new AppError('conflict', 'A rule for this unit and category exists already');
    await writeAudit(tx, actor, {
      action: 'hotline_rule.create',
      recordType: 'hotline_rule',
      recordId: row.id,
      details: input,
    });
    return row.id;
  });
  return (await listRules(db)).find((r) => r.id === id)!;
}

export async function deleteRule(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const gone = await tx.delete(hotlineRoutingRules).where(eq(hotlineRoutingRules.id, id)).returning();
    if (!gone.length) throw notFound('Rule');
    await writeAudit(tx, actor, {
      action: 'hotline_rule.delete',
      recordType: 'hotline_rule',
      recordId: id,
      details: { category: gone[0].category, unitId: gone[0].unitId, handlingUnitId: gone[0].handlingUnitId },
    });
  });
}

/**
 * Where an item goes: the rule of the deepest unit on the item unit's line (a rule for the
 * category before one for any category), or the hotline office when no rule matches or the
 * rule's handling unit is dissolved (a stale rule: the office sends the item on).
 */
export async function routeItem(
  db: Db,
  config: HotlineConfig,
  unitPath: string,
  category: string,
): Promise<number> {
  const rule = await queryOne<{ handling_unit_id: string; dissolved_on: string | null }>(
    db,
    sql`select r.handling_unit_id, h.dissolved_on from hotline_routing_rules r join org_units u on u.id = r.unit_id
        join org_units h on h.id = r.handling_unit_id
        where ${unitPath} like u.path || '%' and (r.category = ${category} or r.category is null)
        order by length(u.path) desc, (r.category is null) limit 1`,
  );
  return rule && !isDissolved(rule.dissolved_on) ? Number(rule.handling_unit_id) : officeUnitId(db, config);
}
