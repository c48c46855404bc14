import type { TCoachRegistry } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/authz/actor.js';
import { queryRows } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { findUnit } from '../org-units/index.js';
import { holdingsWithin } from '../roles/index.js';
import { coachRegistryPolicy } from './coach-registry.policy.js';

type Row = {
  id: string | number;
  name: string;
  unit_name: string;
  listed: boolean | null;
};

/**
 * The coach team of a unit's subtree: every person holding the coach or volunteer role in force
 * today (Beijing's date) on a unit of the subtree, once per kind, in pinyin order, with the
 * highest team they serve. People who have left are not counted.
 */
export async function coachRegistry(db: Db, actor: Actor, unitId: number): Promise<TCoachRegistry> {
  const unit = await findUnit(db, unitId);
  coachRegistryPolicy.authorize(actor, 'read', { unitPath: unit.path });
  const holdings = await holdingsWithin(db, ['coach', 'volunteer'], unit.path);
  const team = new Map<string, (typeof holdings)[number]>();
  for (const h of holdings) if (!team.has(`${h.role}/${h.personId}`)) team.set(`${h.role}/${h.personId}`, h);
  const ids = [...new Set(holdings.map((h) => h.personId))];
  const people = ids.length
    ? await queryRows<Row>(
        db,
        sql`select p.id, p.name, u.name as unit_name, c.active as listed
            from people p join org_units u on u.id = p.unit_id left join coach_profiles c on c.person_id = p.id
            where p.id in (${sql.join(
              ids.map((id) => sql`${id}`),
              sql`, `,
            )}) and p.employment_status = 'active'
            order by p.name_pinyin, p.id`,
      )
    : [];
  const members = (['coach', 'volunteer'] as const).flatMap((kind) =>
    people.flatMap((p) => {
      const h = team.get(`${kind}/${Number(p.id)}`);
      return h
        ? [
            {
              personId: Number(p.id),
              name: p.name,
              unitName: p.unit_name,
              kind,
              team: { id: h.unitId, name: h.unitName },
              listed: p.listed === true,
            },
          ]
        : [];
    }),
  );
  return {
    unit: { id: unit.id, name: unit.name },
    coaches: members.filter((m) => m.kind === 'coach').length,
    volunteers: members.filter((m) => m.kind === 'volunteer').length,
    members,
  };
}
