import { DEFAULT_RUBRIC, offeredProjectActions } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryOne } from '../../platform/db/sql.js';
import {
  buildPerson,
  buildUnit,
  type Client,
  drainJobs,
  loginAs,
  multipart,
  type Person,
  type Unit,
} from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let group: Unit;
let company: Unit;
let branch: Unit;
let otherBranch: Unit;
let applicant: Client;
let secretariat: Client;
let leader: Client;
let leader2: Client;
let expertA: Client;
let expertB: Client;
let expertC: Client;
let teamMember: Person;
let employee: Client;

const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * 86_400_000));
const windows = (declFrom = -10, declTo = 10) => ({
  declaration: { from: day(declFrom), to: day(declTo) },
  review: { from: day(declTo + 1), to: day(declTo + 20) },
  decision: { from: day(declTo + 21), to: day(declTo + 40) },
  implementation: { from: day(declTo + 41), to: day(declTo + 300) },
  evaluation: { from: day(declTo + 301), to: day(declTo + 360) },
});

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.app.lifeline.database.db;
  group = await buildUnit(db);
  const office = await buildUnit(db, group);
  company = await buildUnit(db, group);
  branch = await buildUnit(db, company);
  otherBranch = await buildUnit(db, company);
  applicant = await loginAs(t.app, branch, [['branch_secretary', branch]]);
  secretariat = await loginAs(t.app, office, [['secretariat', group]]);
  leader = await loginAs(t.app, office, [['leader', group]]);
  // A leader who works in the applicant branch: recused from its projects.
  leader2 = await loginAs(t.app, branch, [['leader', group]]);
  expertA = await loginAs(t.app, office, [['expert', group]]);
  expertB = await loginAs(t.app, office, [['expert', group]]);
  expertC = await loginAs(t.app, company, [['expert', group]]);
  teamMember = await buildPerson(db, t.app.lifeline.crypto, branch);
  employee = await loginAs(t.app, otherBranch);
});
afterAll(() => t.close());

const cycleInput = (number: number) => ({
  number,
  name: `第${number}届`,
  startYear: 2026,
  ownerUnitId: group.id,
  windows: windows(),
  levels: [
    { level: 'company_key', quota: 1, minFundingFen: 1_000_000, maxFundingFen: 5_000_000 },
    { level: 'plant', quota: null, minFundingFen: 100_000, maxFundingFen: 2_000_000 },
    { level: 'branch', quota: null, minFundingFen: null, maxFundingFen: null },
  ],
  rubric: DEFAULT_RUBRIC,
  awardTiers: [
    { tier: 'first', amountFen: 5_000_000, count: 1 },
    { tier: 'second', amountFen: 2_000_000, count: null },
  ],
  disagreementSpread: 15,
  reminderDays: 7,
});

async function newCycle(number: number) {
  const res = await secretariat.request('POST', '/api/innovation/cycles', cycleInput(number));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function declare(cycleId: number, title = '班组思想政治工作创新研究') {
  const res = await applicant.request('POST', '/api/innovation/projects', {
    cycleId,
    unitId: branch.id,
    title,
    category: 'micro',
    levelApplied: 'plant',
    leaderId: applicant.person.id,
    teamIds: [teamMember.id],
    objectives: '提升实效',
    plan: '三个阶段',
    budgetFen: 800_000,
    milestones: [{ title: '完成调研', dueOn: day(60), deliverable: '调研报告' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function act(c: Client, id: number, action: string, comment?: string) {
  const p = (await c.request('GET', `/api/innovation/projects/${id}`)).json();
  return c.request('POST', `/api/innovation/projects/${id}/transitions`, {
    action,
    version: p.version,
    comment,
  });
}

describe('an innovation project from declaration to commendation', () => {
  it('walks the whole life through the API', async () => {
    const cycle = await newCycle(1);
    const draft = await declare(cycle.id);
    expect(draft).toMatchObject({ state: 'draft', code: '2026-01-001' });
    expect(offeredProjectActions(draft.abilities)).toEqual(['submit']);

    // Drafts are private to the applicant unit.
    expect((await secretariat.request('GET', `/api/innovation/projects/${draft.id}`)).statusCode).toBe(404);

    // Edit, attach, submit.
    const edited = await applicant.request('PATCH', `/api/innovation/projects/${draft.id}`, {
      title: '班组思想政治工作“微创新”研究',
      version: draft.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const body = multipart('file', '申报书.pdf', pdf);
    const up = await applicant.request(
      'POST',
      `/api/innovation/projects/${draft.id}/attachments`,
      body.payload,
      body.headers,
    );
    expect(up.statusCode, up.body).toBe(201);
    const exe = multipart('file', 'x.pdf', Buffer.from('MZ\x90\x00not a pdf at all'));
    expect(
      (
        await applicant.request(
          'POST',
          `/api/innovation/projects/${draft.id}/attachments`,
          exe.payload,
          exe.headers,
        )
      ).statusCode,
    ).toBe(415);
    expect((await act(applicant, draft.id, 'submit')).statusCode).toBe(200);

    // First review: return with a comment, resubmit, and the revisions diff.
    expect((await act(secretariat, draft.id, 'return')).json().error.code).toBe('validation_failed');
    expect((await act(secretariat, draft.id, 'return', '请补充量化指标')).statusCode).toBe(200);
    const returned = (await applicant.request('GET', `/api/innovation/projects/${draft.id}`)).json();
    await applicant.request('PATCH', `/api/innovation/projects/${draft.id}`, {
      objectives: '覆盖 20 个班组',
      version: returned.version,
    });
    expect((await act(applicant, draft.id, 'submit')).statusCode).toBe(200);
    const revisions = (
      await secretariat.request('GET', `/api/innovation/projects/${draft.id}/revisions`)
    ).json();
    expect(revisions).toHaveLength(2);
    expect(revisions[1].changes).toEqual({ objectives: { before: '提升实效', after: '覆盖 20 个班组' } });
    expect((await act(secretariat, draft.id, 'pass')).json().state).toBe('shortlisted');

    // Decision meeting: leader2 works in the applicant branch and is recused.
    const meeting = await leader.request('POST', `/api/innovation/cycles/${cycle.id}/meetings`, {
      heldOn: day(0),
      memberIds: [leader.person.id, leader2.person.id],
      minutes: '研究审定',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const detail = (await leader.request('GET', `/api/innovation/meetings/${meeting.json().id}`)).json();
    expect(detail.candidates[0].recused).toEqual([
      expect.objectContaining({ id: leader2.person.id, reason: 'unit' }),
    ]);
    const shortlisted = (await leader.request('GET', `/api/innovation/projects/${draft.id}`)).json();
    const tooMuch = await leader.request('POST', `/api/innovation/meetings/${meeting.json().id}/decisions`, {
      projectId: draft.id,
      outcome: 'approve',
      level: 'company_key',
      fundingFen: 9_000_000,
      version: shortlisted.version,
    });
    expect(tooMuch.json().error.code).toBe('validation_failed');
    const decided = await leader.request('POST', `/api/innovation/meetings/${meeting.json().id}/decisions`, {
      projectId: draft.id,
      outcome: 'approve',
      level: 'company_key',
      fundingFen: 3_000_000,
      version: shortlisted.version,
    });
    expect(decided.statusCode, decided.body).toBe(201);
    const approved = (await applicant.request('GET', `/api/innovation/projects/${draft.id}`)).json();
    // The decision answers with the project's new state and version: the next change needs no reload.
    expect(decided.json()).toMatchObject({ projectState: 'approved', projectVersion: approved.version });
    expect(approved).toMatchObject({
      state: 'approved',
      levelApplied: 'plant',
      levelApproved: 'company_key',
      fundingFen: 3_000_000,
    });
    const recorded = await queryOne<{ recused: unknown }>(
      t.app.lifeline.database.db,
      sql`select recused from innovation_decisions where project_id = ${draft.id}`,
    );
    expect(recorded?.recused).toEqual([{ personId: leader2.person.id, reason: 'unit' }]);
    expect((await employee.request('GET', `/api/innovation/cycles/${cycle.id}/approved`)).statusCode).toBe(
      404,
    );
    expect(
      (await secretariat.request('POST', `/api/innovation/cycles/${cycle.id}/approved/publish`)).statusCode,
    ).toBe(200);
    const list = (await employee.request('GET', `/api/innovation/cycles/${cycle.id}/approved`)).json();
    expect(list.lines).toEqual([
      expect.objectContaining({ code: '2026-01-001', level: 'company_key', fundingFen: 3_000_000 }),
    ]);
    const xlsx = await secretariat.request('GET', `/api/innovation/cycles/${cycle.id}/approved.xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');

    // Implementation: reminders are jobs; progress, supervision, a deadline change.
    const jobs = await queryOne<{ n: number }>(
      t.app.lifeline.database.db,
      sql`select count(*)::int as n from jobs where kind like 'innovation.milestone_%' and status = 'queued'`,
    );
    expect(jobs?.n).toBe(2);
    const m = approved.milestones[0];
    expect(
      (await applicant.request('POST', `/api/innovation/projects/${draft.id}/progress`, { text: '调研过半' }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await secretariat.request('POST', `/api/innovation/projects/${draft.id}/supervision`, {
          note: '进度正常',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await applicant.request('GET', `/api/innovation/projects/${draft.id}`)).json().supervisionNotes,
    ).toBeNull();
    const change = await applicant.request('POST', `/api/innovation/projects/${draft.id}/changes`, {
      proposal: { kind: 'deadline', milestoneId: m.id, dueOn: day(90) },
      reason: '调研对象增加',
    });
    expect(change.statusCode, change.body).toBe(201);
    const pending = (await secretariat.request('GET', `/api/innovation/cycles/${cycle.id}/changes`)).json();
    expect(pending).toHaveLength(1);
    const ok = await secretariat.request('POST', `/api/innovation/changes/${change.json().id}/decision`, {
      approve: true,
      version: pending[0].version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const moved = (await applicant.request('GET', `/api/innovation/projects/${draft.id}`)).json();
    expect(moved.milestones[0].dueOn).toBe(day(90));
    await applicant.request('POST', `/api/innovation/projects/${draft.id}/progress`, {
      text: '调研完成',
      milestoneId: m.id,
      milestoneDone: true,
    });
    const late = await applicant.request('POST', `/api/innovation/projects/${draft.id}/changes`, {
      proposal: { kind: 'funding', fundingFen: 3_500_000 },
      reason: '追加经费',
    });
    expect(late.statusCode).toBe(201);
    expect((await act(applicant, draft.id, 'complete', '形成成果报告一份')).json().state).toBe('completed');
    // A change request still pending when the project completes is closed with it.
    const changes = (await secretariat.request('GET', `/api/innovation/projects/${draft.id}/changes`)).json();
    expect(changes.find((c: { id: number }) => c.id === late.json().id)).toMatchObject({
      state: 'closed',
      abilities: { decide: false },
    });

    // Evaluation: a reviewer from the applicant's company subtree is refused; the others score.
    const conflict = await secretariat.request('POST', `/api/innovation/projects/${draft.id}/reviewers`, {
      reviewerIds: [expertA.person.id, expertC.person.id],
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.details.conflicts).toEqual([
      expect.objectContaining({ personId: expertC.person.id, reason: 'unit' }),
    ]);
    expect(
      (
        await expertB.request('POST', '/api/innovation/conflicts', {
          projectId: draft.id,
          reason: '曾指导该课题',
        })
      ).statusCode,
    ).toBe(201);
    const declared = await secretariat.request('POST', `/api/innovation/projects/${draft.id}/reviewers`, {
      reviewerIds: [expertB.person.id],
    });
    expect(declared.json().error.details.conflicts[0].reason).toBe('declared');
    const assigned = await secretariat.request('POST', `/api/innovation/projects/${draft.id}/reviewers`, {
      reviewerIds: [expertA.person.id, leader.person.id],
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    // The secretariat sees who is assigned and may take an assignee off before they submit.
    const assignees = (
      await secretariat.request('GET', `/api/innovation/projects/${draft.id}/reviewers`)
    ).json();
    expect(assignees.map((a: { reviewer: { id: number } }) => a.reviewer.id).sort()).toEqual(
      [expertA.person.id, leader.person.id].sort(),
    );
    expect(
      (
        await secretariat.request(
          'DELETE',
          `/api/innovation/projects/${draft.id}/reviewers/${leader.person.id}`,
        )
      ).statusCode,
    ).toBe(204);
    // The expert who declared a conflict sees and may withdraw it.
    const mine = (await expertB.request('GET', '/api/innovation/conflicts')).json();
    expect(mine).toEqual([expect.objectContaining({ projectId: draft.id, reason: '曾指导该课题' })]);
    expect((await expertB.request('DELETE', `/api/innovation/conflicts/${mine[0].id}`)).statusCode).toBe(204);
    // Declaring a conflict withdraws the declarer's open assignment on that project, no other's.
    const again = await secretariat.request('POST', `/api/innovation/projects/${draft.id}/reviewers`, {
      reviewerIds: [expertB.person.id],
    });
    expect(again.statusCode, again.body).toBe(201);
    expect((await expertB.request('GET', '/api/innovation/reviews')).json()).toHaveLength(1);
    const redeclared = await expertB.request('POST', '/api/innovation/conflicts', {
      projectId: draft.id,
      reason: '曾指导该课题',
    });
    expect(redeclared.statusCode, redeclared.body).toBe(201);
    expect((await expertB.request('GET', '/api/innovation/reviews')).json()).toEqual([]);
    expect(
      (await secretariat.request('GET', `/api/innovation/projects/${draft.id}/reviewers`))
        .json()
        .map((a: { reviewer: { id: number } }) => a.reviewer.id),
    ).toEqual([expertA.person.id]);
    expect(
      (await expertB.request('DELETE', `/api/innovation/conflicts/${redeclared.json().id}`)).statusCode,
    ).toBe(204);
    const [reviewA] = (await expertA.request('GET', '/api/innovation/reviews')).json();
    expect(reviewA.others).toBeNull();
    const incomplete = await expertA.request('PUT', `/api/innovation/reviews/${reviewA.id}`, {
      scores: { political: 90 },
      submit: true,
      version: reviewA.version,
    });
    expect(incomplete.json().error.code).toBe('validation_failed');
    const scored = await expertA.request('PUT', `/api/innovation/reviews/${reviewA.id}`, {
      scores: { political: 90, innovative: 80, effective: 70, exemplary: 60 },
      recommendation: 'recommend',
      submit: true,
      version: reviewA.version,
    });
    expect(scored.json()).toMatchObject({ state: 'submitted', total: 75 });
    // The rubric is fixed once a review is in.
    const cyc = (await secretariat.request('GET', `/api/innovation/cycles/${cycle.id}`)).json();
    expect(cyc.rubricLocked).toBe(true);
    const relock = await secretariat.request('PATCH', `/api/innovation/cycles/${cycle.id}`, {
      rubric: DEFAULT_RUBRIC.map((d, i) => ({ ...d, weight: i ? 20 : 40 })),
      version: cyc.version,
    });
    expect(relock.json().error.code).toBe('invalid_transition');

    // Awards: draft, publicity with an objection that must be answered, then final.
    const awards = await secretariat.request('PUT', `/api/innovation/cycles/${cycle.id}/awards`, {
      awards: [{ projectId: draft.id, tier: 'first' }],
      version: cyc.version,
    });
    expect(awards.statusCode, awards.body).toBe(200);
    expect(awards.json()).toMatchObject({ stage: 'draft', totalFen: 5_000_000 });
    expect((await employee.request('GET', `/api/innovation/cycles/${cycle.id}/awards`)).statusCode).toBe(404);
    const published = await secretariat.request('POST', `/api/innovation/cycles/${cycle.id}/awards/publish`, {
      publicityEndsOn: day(0),
      version: awards.json().version,
    });
    expect(published.statusCode, published.body).toBe(200);
    const publicView = (await employee.request('GET', `/api/innovation/cycles/${cycle.id}/awards`)).json();
    const objection = await employee.request(
      'POST',
      `/api/innovation/awards/${publicView.awards[0].id}/objections`,
      {
        text: '该成果与往届重复，请核实。',
      },
    );
    expect(objection.statusCode, objection.body).toBe(201);
    await t.app.lifeline.database.db.execute(
      sql`update innovation_cycles set publicity_ends_on = ${day(-1)} where id = ${cycle.id}`,
    );
    const early = await secretariat.request('POST', `/api/innovation/cycles/${cycle.id}/awards/finalize`, {
      version: published.json().version,
    });
    expect(early.json().error.details.reason).toBe('objections_open');
    expect(
      (
        await secretariat.request('POST', `/api/innovation/objections/${objection.json().id}/answer`, {
          answer: '经核实，不重复。',
        })
      ).statusCode,
    ).toBe(204);
    const final = await secretariat.request('POST', `/api/innovation/cycles/${cycle.id}/awards/finalize`, {
      version: published.json().version,
    });
    expect(final.json().stage).toBe('final');

    // The conference commends the result, the team and the leader.
    const conf = await secretariat.request('PUT', `/api/innovation/cycles/${cycle.id}/conference`, {
      name: '第一届创新大会',
      heldOn: day(0),
      commendations: [
        { kind: 'result', projectId: draft.id, title: '优秀成果' },
        { kind: 'team', projectId: draft.id, title: '优秀创新团队' },
        { kind: 'individual', personId: applicant.person.id, title: '优秀个人' },
      ],
      version: final.json().version,
    });
    expect(conf.statusCode, conf.body).toBe(200);
    const stats = (await leader.request('GET', '/api/innovation/stats')).json();
    expect(stats.cycles.find((c: { cycleId: number }) => c.cycleId === cycle.id)).toMatchObject({
      declared: 1,
      approved: 1,
      approvalRate: 100,
      fundingGrantedFen: 3_000_000,
      awardsPaidFen: 5_000_000,
      commended: 1,
    });

    // The applicant was told at each step.
    const inbox = (await applicant.request('GET', '/api/notifications')).json();
    expect(inbox.items.map((n: { params: { state?: string } }) => n.params.state)).toEqual(
      expect.arrayContaining(['returned', 'shortlisted', 'approved']),
    );
    await drainJobs(t.app);
  });

  it('refuses every illegal transition with invalid_transition and changes nothing', async () => {
    const cycle = await newCycle(2);
    const p = await declare(cycle.id);
    // A draft, seen by its applicant: only submit and request_late start from it.
    for (const action of [
      'pass',
      'return',
      'reject',
      'resume',
      'suspend',
      'terminate',
      'complete',
      'accept_late',
    ]) {
      const res = await act(applicant, p.id, action, 'x');
      expect(res.statusCode, `${action}: ${res.body}`).toBe(409);
      expect(res.json().error.code, action).toBe('invalid_transition');
    }
    expect((await act(applicant, p.id, 'submit')).statusCode).toBe(200);
    for (const action of ['submit', 'resume', 'suspend', 'terminate', 'accept_late', 'refuse_late']) {
      const res = await act(action === 'submit' ? applicant : secretariat, p.id, action, 'x');
      expect(res.statusCode, action).toBe(409);
      expect(res.json().error.code, action).toBe('invalid_transition');
    }
    expect((await act(applicant, p.id, 'complete', 'x')).json().error.code).toBe('invalid_transition');
    expect((await act(leader, p.id, 'approve')).json().error.code).toBe('invalid_transition');
    expect((await secretariat.request('GET', `/api/innovation/projects/${p.id}`)).json()).toMatchObject({
      state: 'submitted',
    });
  });

  it('lets only the secretariat accept a late entry, with a reason', async () => {
    const cycle = await newCycle(3);
    const p = await declare(cycle.id);
    const c = (await secretariat.request('GET', `/api/innovation/cycles/${cycle.id}`)).json();
    await secretariat.request('PATCH', `/api/innovation/cycles/${cycle.id}`, {
      windows: windows(-30, -1),
      version: c.version,
    });
    const refused = await act(applicant, p.id, 'submit');
    expect(refused.json().error).toMatchObject({
      code: 'invalid_transition',
      details: { reason: 'declaration_closed' },
    });
    const lateDraft = (await applicant.request('GET', `/api/innovation/projects/${p.id}`)).json();
    expect(offeredProjectActions(lateDraft.abilities)).toEqual(['request_late']);
    expect((await act(applicant, p.id, 'request_late', '材料延误')).json().state).toBe('late_requested');
    expect((await act(applicant, p.id, 'accept_late', '同意')).statusCode).toBe(403);
    const accepted = (await act(secretariat, p.id, 'accept_late', '情况属实')).json();
    expect(accepted).toMatchObject({ state: 'submitted', late: true });
  });

  it('lets one of two people deciding at once win; the other gets a conflict and nothing changes', async () => {
    const cycle = await newCycle(4);
    const p = await declare(cycle.id);
    await act(applicant, p.id, 'submit');
    const seen = (await secretariat.request('GET', `/api/innovation/projects/${p.id}`)).json();
    const [a, b] = await Promise.all([
      secretariat.request('POST', `/api/innovation/projects/${p.id}/transitions`, {
        action: 'pass',
        version: seen.version,
      }),
      secretariat.request('POST', `/api/innovation/projects/${p.id}/transitions`, {
        action: 'reject',
        version: seen.version,
        comment: '不符合要求',
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('conflict');
    const after = (await secretariat.request('GET', `/api/innovation/projects/${p.id}`)).json();
    expect(
      after.events.filter((e: { action: string }) => ['pass', 'reject'].includes(e.action)),
    ).toHaveLength(1);
  });

  it('reminds before a milestone falls due (a job), and lists overdue milestones per cycle', async () => {
    const cycle = await newCycle(5);
    const res = await applicant.request('POST', '/api/innovation/projects', {
      cycleId: cycle.id,
      unitId: branch.id,
      title: '党员积分制管理实践',
      category: 'original',
      levelApplied: 'branch',
      leaderId: applicant.person.id,
      milestones: [
        { title: '方案制定', dueOn: day(3) },
        { title: '全面推行', dueOn: day(120) },
      ],
    });
    const p = res.json();
    await act(applicant, p.id, 'submit');
    await act(secretariat, p.id, 'pass');
    const meeting = (
      await leader.request('POST', `/api/innovation/cycles/${cycle.id}/meetings`, {
        heldOn: day(0),
        memberIds: [leader.person.id],
      })
    ).json();
    const seen = (await leader.request('GET', `/api/innovation/projects/${p.id}`)).json();
    await leader.request('POST', `/api/innovation/meetings/${meeting.id}/decisions`, {
      projectId: p.id,
      outcome: 'approve',
      level: 'branch',
      fundingFen: 200_000,
      version: seen.version,
    });
    const before = (await applicant.request('GET', '/api/notifications?unread=true')).json().items.length;
    await drainJobs(t.app);
    const inbox = (await applicant.request('GET', '/api/notifications?unread=true')).json();
    const due = inbox.items.filter((i: { kind: string }) => i.kind === 'innovation.milestone_due');
    expect(due).toHaveLength(1);
    expect(due[0].params).toMatchObject({ milestone: '方案制定', dueOn: day(3) });
    expect(inbox.items.length).toBe(before + 1);

    // Overdue: the first milestone's day has passed and it is not done.
    const db = t.app.lifeline.database.db;
    await db.execute(
      sql`update innovation_milestones set due_on = ${day(-2)} where project_id = ${p.id} and position = 1`,
    );
    const overdue = (await secretariat.request('GET', `/api/innovation/cycles/${cycle.id}/overdue`)).json();
    expect(overdue).toEqual([
      expect.objectContaining({ projectId: p.id, title: '方案制定', daysOverdue: 2 }),
    ]);
    const detail = (await applicant.request('GET', `/api/innovation/projects/${p.id}`)).json();
    expect(detail.milestones.map((m: { overdue: boolean }) => m.overdue)).toEqual([true, false]);
    await applicant.request('POST', '/api/notifications/read-all');
    expect((await applicant.request('GET', '/api/notifications?unread=true')).json().unread).toBe(0);
  });

  it('shows a reviewer the other reviews only after submitting their own', async () => {
    const cycle = await newCycle(6);
    const p = await declare(cycle.id);
    const db = t.app.lifeline.database.db;
    await db.execute(
      sql`update innovation_projects set state = 'completed', level_approved = 'plant' where id = ${p.id}`,
    );
    await secretariat.request('POST', `/api/innovation/projects/${p.id}/reviewers`, {
      reviewerIds: [expertA.person.id, expertB.person.id],
    });
    const mineA = (await expertA.request('GET', '/api/innovation/reviews'))
      .json()
      .find((r: { projectId: number }) => r.projectId === p.id);
    const mineB = (await expertB.request('GET', '/api/innovation/reviews'))
      .json()
      .find((r: { projectId: number }) => r.projectId === p.id);
    const scores = { political: 80, innovative: 80, effective: 80, exemplary: 80 };
    await expertB.request('PUT', `/api/innovation/reviews/${mineB.id}`, {
      scores,
      recommendation: 'recommend',
      submit: true,
      version: mineB.version,
    });
    expect((await expertA.request('GET', `/api/innovation/reviews/${mineA.id}`)).json().others).toBeNull();
    // Nobody reaches another reviewer's review by its id.
    expect((await expertA.request('GET', `/api/innovation/reviews/${mineB.id}`)).statusCode).toBe(404);
    // An assigned reviewer reads the project itself (not its supervision notes); others do not.
    const asReviewer = (await expertA.request('GET', `/api/innovation/projects/${p.id}`)).json();
    expect(asReviewer).toMatchObject({ id: p.id, supervisionNotes: null });
    expect(offeredProjectActions(asReviewer.abilities)).toEqual([]);
    expect((await expertC.request('GET', `/api/innovation/projects/${p.id}`)).statusCode).toBe(404);
    await expertA.request('PUT', `/api/innovation/reviews/${mineA.id}`, {
      scores: { ...scores, political: 40 },
      recommendation: 'neutral',
      submit: true,
      version: mineA.version,
    });
    const after = (await expertA.request('GET', `/api/innovation/reviews/${mineA.id}`)).json();
    expect(after.others).toEqual([expect.objectContaining({ total: 80 })]);
    const board = (await secretariat.request('GET', `/api/innovation/cycles/${cycle.id}/evaluation`)).json();
    expect(board.projects[0]).toMatchObject({
      projectId: p.id,
      submitted: 2,
      mean: 75,
      spread: 10,
      disagreement: false,
    });
  });
});

describe('implementation moves beyond the main path', () => {
  /** A project of a new cycle approved at a level, through the API. */
  async function approvedProject(
    cycle: { id: number },
    meetingId: number,
    title: string,
    level: string,
    fundingFen: number,
  ) {
    const p = await declare(cycle.id, title);
    expect((await act(applicant, p.id, 'submit')).statusCode).toBe(200);
    expect((await act(secretariat, p.id, 'pass')).statusCode).toBe(200);
    const v = (await leader.request('GET', `/api/innovation/projects/${p.id}`)).json().version;
    return leader.request('POST', `/api/innovation/meetings/${meetingId}/decisions`, {
      projectId: p.id,
      outcome: 'approve',
      level,
      fundingFen,
      version: v,
    });
  }

  it('refuses a decision beyond the level’s quota, and applies team and level changes when approved', async () => {
    const cycle = await newCycle(71);
    const meeting = (
      await leader.request('POST', `/api/innovation/cycles/${cycle.id}/meetings`, {
        heldOn: day(0),
        memberIds: [leader.person.id],
        minutes: '研究审定',
      })
    ).json();
    const first = await approvedProject(cycle, meeting.id, '班组文化建设创新', 'company_key', 2_000_000);
    expect(first.statusCode, first.body).toBe(201);
    // The company-key quota of this cycle is 1.
    const second = await approvedProject(cycle, meeting.id, '青年思想动态调研', 'company_key', 2_000_000);
    expect(second.json().error).toMatchObject({ code: 'conflict', details: { quota: 1 } });
    const projectId = (await queryOne<{ id: number }>(
      t.app.lifeline.database.db,
      sql`select id::int from innovation_projects where title = '班组文化建设创新'`,
    ))!.id;

    const other = await buildPerson(t.app.lifeline.database.db, t.app.lifeline.crypto, branch);
    const decide = async (proposal: Record<string, unknown>) => {
      const req = await applicant.request('POST', `/api/innovation/projects/${projectId}/changes`, {
        proposal,
        reason: '工作调整',
      });
      expect(req.statusCode, req.body).toBe(201);
      const listed = (
        await secretariat.request('GET', `/api/innovation/projects/${projectId}/changes`)
      ).json();
      const mine = listed.find((c: { id: number }) => c.id === req.json().id);
      const res = await secretariat.request('POST', `/api/innovation/changes/${req.json().id}/decision`, {
        approve: true,
        version: mine.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      return (await applicant.request('GET', `/api/innovation/projects/${projectId}`)).json();
    };
    const withTeam = await decide({ kind: 'team', teamIds: [teamMember.id, other.id] });
    expect(withTeam.team.map((m: { id: number }) => m.id).sort()).toEqual([teamMember.id, other.id].sort());
    const relevelled = await decide({ kind: 'level', level: 'plant' });
    expect(relevelled.levelApproved).toBe('plant');
  });

  it('suspends with a reason, resumes, and terminates, closing a pending change with the project', async () => {
    const cycle = await newCycle(72);
    const meeting = (
      await leader.request('POST', `/api/innovation/cycles/${cycle.id}/meetings`, {
        heldOn: day(0),
        memberIds: [leader.person.id],
        minutes: '研究审定',
      })
    ).json();
    expect((await approvedProject(cycle, meeting.id, '党员责任区创新', 'plant', 500_000)).statusCode).toBe(
      201,
    );
    const id = (await queryOne<{ id: number }>(
      t.app.lifeline.database.db,
      sql`select id::int from innovation_projects where title = '党员责任区创新'`,
    ))!.id;
    expect((await act(secretariat, id, 'suspend')).json().error.code).toBe('validation_failed');
    expect((await act(secretariat, id, 'suspend', '负责人长期外派')).json().state).toBe('suspended');
    expect((await act(applicant, id, 'resume')).statusCode).toBe(403);
    expect((await act(secretariat, id, 'resume')).json().state).toBe('approved');
    const pending = await applicant.request('POST', `/api/innovation/projects/${id}/changes`, {
      proposal: { kind: 'funding', fundingFen: 600_000 },
      reason: '增加调研样本',
    });
    expect(pending.statusCode).toBe(201);
    expect((await act(secretariat, id, 'terminate', '单位撤并，课题无法继续')).json().state).toBe(
      'terminated',
    );
    const changes = (await secretariat.request('GET', `/api/innovation/projects/${id}/changes`)).json();
    expect(changes[0].state).toBe('closed');
    expect((await act(secretariat, id, 'resume')).json().error.code).toBe('invalid_transition');
  });
});
