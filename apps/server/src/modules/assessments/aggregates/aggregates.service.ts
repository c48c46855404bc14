import {
  MIN_GROUP,
  type TAggregate,
  type TAggregateQuery,
  type TInstrumentDefinition,
} from '@lifeline/shared';
import { eq, sql } from 'drizzle-orm';
import type { Actor as AuthActor } from '../../../platform/authz/actor.js';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.js';
import { queryRows } from '../../../platform/db/sql.js';
import type { Db } from '../../../platform/db/types.js';
import { notFound } from '../../../platform/errors.js';
import { orgUnits } from '../../org-units/index.js';
import { wellbeingAdminPolicy } from '../assessments.policy.js';
import { offeredInstrument } from '../instruments.js';
import { openResult } from '../results/result-crypto.js';
import { AggregateTree, periodBounds, type UnitCounts } from './aggregates.rules.js';

/** The categories a result falls in: the band of a sum scale, the leading letter of a profile. */
function categories(def: TInstrumentDefinition): TAggregate['bands'] {
  if (def.scoring.kind === 'total')
    return def.scoring.norms.bands.map((b) => ({ code: b.code, label: b.label }));
  return def.scoring.dimensions.map((d) => ({ code: d.code, label: d.label }));
}

/**
 * Participation and band distribution of a unit's subtree in a fixed period, with no figure for
 * a group under MIN_GROUP and complementary suppression consistent over the tree. Results are
 * decrypted here, in memory, and only counted: no individual leaves this function.
 */
export async function aggregate(
  db: Db,
  crypto: FieldCrypto,
  actor: AuthActor,
  q: TAggregateQuery,
): Promise<TAggregate> {
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, q.unitId));
  if (!unit) throw notFound('Unit');
  wellbeingAdminPolicy.authorize(actor, 'aggregate', { unitPath: unit.path });
  const def = await offeredInstrument(db, q.instrument, 'querystring.instrument');
  const { from, to } = periodBounds(q.year, q.quarter);

  const units = await db
    .select({ id: orgUnits.id, parentId: orgUnits.parentId, path: orgUnits.path, name: orgUnits.name })
    .from(orgUnits)
    .orderBy(orgUnits.sortOrder, orgUnits.namePinyin, orgUnits.id);
  const heads = await queryRows<{ unit_id: string; n: string }>(
    db,
    sql`select unit_id, count(*) as n from people where employment_status = 'active' group by unit_id`,
  );
  // Each person once: their latest result of the period, in the unit they were in then.
  const latest = await queryRows<{ person_id: string; unit_id: string; payload: string }>(
    db,
    sql`select distinct on (person_id) person_id, unit_id, payload from assessment_results
        where instrument_code = ${def.code} and taken_at >= ${from} and taken_at < ${to}
        order by person_id, taken_at desc, id desc`,
  );
  const counts = new Map<number, UnitCounts>();
  const at = (id: number) => {
    const c = counts.get(id) ?? { headcount: 0, bands: new Map<string, number>() };
    counts.set(id, c);
    return c;
  };
  for (const h of heads) at(Number(h.unit_id)).headcount = Number(h.n);
  for (const r of latest) {
    const { result } = openResult(crypto, { personId: Number(r.person_id), payload: r.payload });
    const band = result.kind === 'total' ? result.band : result.code.slice(0, 1);
    const c = at(Number(r.unit_id));
    c.bands.set(band, (c.bands.get(band) ?? 0) + 1);
  }
  const published = new AggregateTree(
    units.map((u) => ({ ...u, parentId: u.parentId ?? null })),
    counts,
  ).publish(unit.id);
  return {
    unit: { id: unit.id, name: unit.name },
    instrument: def.code,
    name: def.name,
    period: { year: q.year, quarter: q.quarter ?? null, from, to },
    minGroup: MIN_GROUP,
    bands: categories(def),
    ...published,
  };
}
