import { DEFAULT_RUBRIC } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/sql.js';
import { buildUnit, type Client, loginAs, type Unit } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

/**
 * Who records a decision meeting and its decisions: a leader who sits in the meeting and is not
 * recused from the project (finding 5: the record named one man both as recused and as the decider,
 * and a leader who was not a member decided for the meeting).
 */
let t: TestApp;
let group: Unit;
let branch: Unit;
let applicant: Client;
let secretariat: Client;
let member: Client;
let recusedMember: Client;
let stranger: Client;

const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * 86_400_000));

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.app.lifeline.database.db;
  group = await buildUnit(db);
  const office = await buildUnit(db, group);
  const company = await buildUnit(db, group);
  branch = await buildUnit(db, company);
  applicant = await loginAs(t.app, branch, [['branch_secretary', branch]]);
  secretariat = await loginAs(t.app, office, [['secretariat', group]]);
  member = await loginAs(t.app, office, [['leader', group]]);
  // A leader who works in the applicant branch: recused from its projects.
  recusedMember = await loginAs(t.app, branch, [['leader', group]]);
  // A leader of the group who does not sit in the meeting.
  stranger = await loginAs(t.app, await buildUnit(db, group), [['leader', group]]);
});
afterAll(() => t.close());

/** A cycle of the group with a shortlisted project of the branch. */
async function shortlisted(number: number) {
  const w = (from: number, to: number) => ({ from: day(from), to: day(to) });
  const cycle = await secretariat.request('POST', '/api/innovation/cycles', {
    number,
    name: `第${number}届`,
    startYear: 2026,
    ownerUnitId: group.id,
    windows: {
      declaration: w(-10, 10),
      review: w(11, 20),
      decision: w(21, 40),
      implementation: w(41, 300),
      evaluation: w(301, 360),
    },
    levels: [{ level: 'plant', quota: null, minFundingFen: 100_000, maxFundingFen: 2_000_000 }],
    rubric: DEFAULT_RUBRIC,
    awardTiers: [],
  });
  expect(cycle.statusCode, cycle.body).toBe(201);
  const created = await applicant.request('POST', '/api/innovation/projects', {
    cycleId: cycle.json().id,
    unitId: branch.id,
    title: '支部“三会一课”创新',
    category: 'micro',
    levelApplied: 'plant',
    leaderId: applicant.person.id,
    budgetFen: 500_000,
  });
  expect(created.statusCode, created.body).toBe(201);
  let p = created.json();
  for (const [c, action] of [
    [applicant, 'submit'],
    [secretariat, 'pass'],
  ] as const) {
    const res = await c.request('POST', `/api/innovation/projects/${p.id}/transitions`, {
      action,
      version: p.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    p = res.json();
  }
  return { cycleId: cycle.json().id as number, projectId: p.id as number, version: p.version as number };
}

const decisionsOn = (projectId: number) =>
  queryRows<{ decided_by: number; recused: unknown }>(
    t.app.lifeline.database.db,
    sql`select decided_by::int, recused from innovation_decisions where project_id = ${projectId}`,
  );

describe('a decision meeting', () => {
  it('lets only a member who is not recused from the project record its decision (finding 5)', async () => {
    const { cycleId, projectId, version } = await shortlisted(1);
    const created = await member.request('POST', `/api/innovation/cycles/${cycleId}/meetings`, {
      heldOn: day(0),
      memberIds: [member.person.id, recusedMember.person.id],
      minutes: '研究审定',
    });
    expect(created.statusCode, created.body).toBe(201);
    const meetingId = created.json().id;
    const decision = { projectId, outcome: 'approve', level: 'plant', fundingFen: 500_000, version };
    const url = `/api/innovation/meetings/${meetingId}/decisions`;

    const byRecused = await recusedMember.request('POST', url, decision);
    expect(byRecused.statusCode, byRecused.body).toBe(403);
    expect(byRecused.json().error.details.reason).toBe('recused');
    const byStranger = await stranger.request('POST', url, decision);
    expect(byStranger.statusCode, byStranger.body).toBe(403);
    expect(byStranger.json().error.details.reason).toBe('not_meeting_member');
    expect(await decisionsOn(projectId)).toEqual([]);

    // The meeting offers the decision only to whoever may take it.
    const candidate = async (c: Client) =>
      (await c.request('GET', `/api/innovation/meetings/${meetingId}`))
        .json()
        .candidates.find((x: { project: { id: number } }) => x.project.id === projectId);
    expect((await candidate(recusedMember)).abilities).toEqual({ decide: false });
    expect((await candidate(stranger)).abilities).toEqual({ decide: false });
    expect((await candidate(member)).abilities).toEqual({ decide: true });

    const byMember = await member.request('POST', url, decision);
    expect(byMember.statusCode, byMember.body).toBe(201);
    expect(await decisionsOn(projectId)).toEqual([
      { decided_by: member.person.id, recused: [{ personId: recusedMember.person.id, reason: 'unit' }] },
    ]);
    expect((await candidate(member)).abilities).toEqual({ decide: false });
  });

  it('is recorded and changed only by a leader who sits in it', async () => {
    const { cycleId } = await shortlisted(2);
    const url = `/api/innovation/cycles/${cycleId}/meetings`;
    const without = await stranger.request('POST', url, { heldOn: day(0), memberIds: [member.person.id] });
    expect(without.statusCode, without.body).toBe(403);
    expect(without.json().error.details.reason).toBe('not_meeting_member');
    const meeting = (
      await member.request('POST', url, { heldOn: day(0), memberIds: [member.person.id] })
    ).json();
    expect(meeting.abilities).toEqual({ update: true });

    const listed = (await stranger.request('GET', url)).json();
    expect(listed.find((m: { id: number }) => m.id === meeting.id).abilities).toEqual({ update: false });
    const edit = await stranger.request('PATCH', `/api/innovation/meetings/${meeting.id}`, {
      minutes: '改写纪要',
      version: meeting.version,
    });
    expect(edit.statusCode, edit.body).toBe(403);
    expect(edit.json().error.details.reason).toBe('not_meeting_member');
    // A member may not leave himself out of the meeting he records.
    const leaving = await member.request('PATCH', `/api/innovation/meetings/${meeting.id}`, {
      memberIds: [stranger.person.id],
      version: meeting.version,
    });
    expect(leaving.statusCode, leaving.body).toBe(403);
    expect(leaving.json().error.details.reason).toBe('not_meeting_member');
    const joined = await member.request('PATCH', `/api/innovation/meetings/${meeting.id}`, {
      memberIds: [member.person.id, stranger.person.id],
      version: meeting.version,
    });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json().abilities).toEqual({ update: true });
  });
});
