import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { accounts } from '../auth/auth.table.js';
import { createSession } from '../auth/sessions.js';
import { seedDemo } from '../demo/demo.seed.js';
import { people } from '../people/people.table.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.app.lifeline.database.db, t.app.lifeline.crypto);
});
afterAll(() => t.close());

async function demoLogin(login: string) {
  const db = t.app.lifeline.database.db;
  const [row] = await db
    .select({ person: people, accountId: accounts.id })
    .from(people)
    .innerJoin(accounts, eq(accounts.personId, people.id))
    .where(eq(people.employeeNo, login));
  const token = await createSession(db, row.accountId, { ip: '127.0.0.1', userAgent: 'test' });
  return clientFor(t.app, row.person, token);
}

describe('the demo group’s innovation figures', () => {
  it('equal the article’s for the 4th cycle: 45 declared, 36 approved (7/20/9), 80%, the most ever', async () => {
    const leader = await demoLogin('leader');
    const res = await leader.request('GET', '/api/innovation/stats');
    expect(res.statusCode, res.body).toBe(200);
    const fourth = res.json().cycles.find((c: { number: number }) => c.number === 4);
    expect(fourth).toMatchObject({
      name: '第四届',
      declared: 45,
      approved: 36,
      approvedByLevel: { company_key: 7, plant: 20, branch: 9 },
      approvalRate: 80,
      mostApprovedEver: true,
      approvedChange: 6,
    });
    // The open 5th cycle has no rate and takes no part in the comparison before its decisions.
    expect(res.json().cycles.find((c: { number: number }) => c.number === 5)).toMatchObject({
      approvalRate: null,
      approvedChange: null,
      mostApprovedEver: false,
    });
    const earlier = res.json().cycles.filter((c: { number: number }) => c.number < 4);
    expect(earlier.every((c: { approved: number }) => c.approved < 36)).toBe(true);
    // "历届最多" marks the one cycle with the most, not each record of its time.
    expect(res.json().cycles.filter((c: { mostApprovedEver: boolean }) => c.mostApprovedEver)).toHaveLength(
      1,
    );
  });

  it('count 65 results commended at the conferences of the five years 2021–2025', async () => {
    const secretariat = await demoLogin('secretariat');
    const res = await secretariat.request('GET', '/api/innovation/stats?fromYear=2021&toYear=2025');
    expect(res.json().resultsCommended).toBe(65);
  });

  it('give the demo expert open assignments and the secretary an open cycle to declare in', async () => {
    const expert = await demoLogin('expert');
    const reviews = (await expert.request('GET', '/api/innovation/reviews')).json();
    expect(reviews.filter((r: { state: string }) => r.state === 'assigned')).toHaveLength(2);
    // Every employee sees what the group's cycles published, for the phone pages.
    const employee = await demoLogin('employee');
    const notices = (await employee.request('GET', '/api/innovation/notices')).json();
    expect(notices.map((n: { number: number }) => n.number)).toEqual([4, 3, 2, 1]);
    expect(notices[0]).toMatchObject({ awardStage: 'final', conferenceName: '第四届思想政治工作创新大会' });
    const secretary = await demoLogin('secretary');
    const cycles = (await secretary.request('GET', '/api/innovation/cycles')).json();
    expect(cycles[0]).toMatchObject({ number: 5, phase: 'declaration', abilities: { declare: true } });
  });
});
