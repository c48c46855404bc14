import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/sql.js';
import { buildPerson, buildUnit, type Client, loginAs, type Unit } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

/**
 * The roster's rollup (people_headcounts) is kept by the database in the same statement as the
 * change, whatever writes people: it always equals a count over the roster, and the unit tree
 * and the people list's totals read it.
 */
let t: TestApp;
let root: Unit;
let a: Unit;
let b: Unit;
let admin: Client;
const db = () => t.app.lifeline.database.db;

beforeAll(async () => {
  t = await buildTestApp();
  root = await buildUnit(db());
  a = await buildUnit(db(), root);
  b = await buildUnit(db(), root);
  admin = await loginAs(t.app, root, [['unit_admin', root]]);
});
afterAll(() => t.close());

type Count = { unit_id: string; employment_status: string; political_status: string; n: number };

/** The rollup and a count over the roster, as comparable sorted lists (zero rows left out). */
async function bothCounts(): Promise<[string[], string[]]> {
  const key = (r: Count) => `${r.unit_id}/${r.employment_status}/${r.political_status}=${r.n}`;
  const rollup = await queryRows<Count>(
    db(),
    sql`select unit_id, employment_status, political_status, people::int as n from people_headcounts where people <> 0`,
  );
  const counted = await queryRows<Count>(
    db(),
    sql`select unit_id, employment_status, political_status, count(*)::int as n from people group by 1, 2, 3`,
  );
  return [rollup.map(key).sort(), counted.map(key).sort()];
}

describe('the headcount rollup', () => {
  it('follows inserts, moves between units, status changes and deletes', async () => {
    const crypto = t.app.lifeline.crypto;
    const p1 = await buildPerson(db(), crypto, a, { politicalStatus: 'party_member' });
    const p2 = await buildPerson(db(), crypto, a);
    await buildPerson(db(), crypto, b);
    let [rollup, counted] = await bothCounts();
    expect(rollup).toEqual(counted);

    await db().execute(sql`update people set unit_id = ${b.id} where id = ${p1.id}`);
    await db().execute(sql`update people set employment_status = 'retired' where id = ${p2.id}`);
    // A statement that changes many rows, some of them in ways the rollup does not count.
    await db().execute(
      sql`update people set phone = null, unit_id = unit_id where unit_id in (${a.id}, ${b.id})`,
    );
    [rollup, counted] = await bothCounts();
    expect(rollup).toEqual(counted);

    await db().execute(sql`delete from people where id = ${p2.id}`);
    [rollup, counted] = await bothCounts();
    expect(rollup).toEqual(counted);
  });

  it('gives the unit tree and the list their totals', async () => {
    const crypto = t.app.lifeline.crypto;
    for (let i = 0; i < 3; i++) await buildPerson(db(), crypto, a, { politicalStatus: 'party_member' });
    const tree = (await admin.request('GET', '/api/org-units/tree')).json() as {
      id: number;
      people: number;
      partyMembers: number;
      subtreePeople: number;
    }[];
    const [actual] = await queryRows<{ people: number; party: number }>(
      db(),
      sql`select count(*)::int as people, count(*) filter (where political_status = 'party_member')::int as party
          from people where unit_id = ${a.id} and employment_status = 'active'`,
    );
    const nodeA = tree.find((n) => n.id === a.id);
    expect(nodeA).toMatchObject({ people: actual.people, partyMembers: actual.party });

    for (const query of ['', `unitId=${a.id}`, 'politicalStatus=party_member', 'employmentStatus=retired']) {
      const list = (await admin.request('GET', `/api/people?pageSize=1&${query}`)).json() as {
        total: number;
      };
      const params = new URLSearchParams(query);
      const [row] = await queryRows<{ n: number }>(
        db(),
        sql`select count(*)::int as n from people p join org_units u on u.id = p.unit_id
            where u.path like (select path from org_units where id = ${root.id}) || '%'
            ${params.get('unitId') ? sql`and p.unit_id = ${a.id}` : sql``}
            ${params.get('politicalStatus') ? sql`and p.political_status = 'party_member'` : sql``}
            ${params.get('employmentStatus') ? sql`and p.employment_status = 'retired'` : sql``}`,
      );
      expect(list.total, query).toBe(row.n);
    }
  });
});
