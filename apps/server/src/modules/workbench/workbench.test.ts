import { DEFAULT_RUBRIC, type TWorkbench, type TWorkbenchTask } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../platform/audit/audit.js';
import { endOfShanghaiDay, shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryOne } from '../../platform/db/sql.js';
import { buildUnit, type Client, loginAs, type Unit } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { reporterContext } from '../hotline/hotline.people.js';
import { hotlineItems } from '../hotline/hotline.table.js';
import {
  innovationAwards,
  innovationMilestones,
  innovationObjections,
  innovationReviews,
} from '../innovation/innovation.table.js';

/**
 * The workbench through the HTTP API: each kind counts exactly what the caller may act on (checked
 * against the abilities the module's own pages give, record by record), another unit's records are
 * not counted, and nobody sees another person's own tasks or changes.
 *
 * The tree: group → company A → branch A, workshop A; group → company B → branch B, workshop B.
 */
let t: TestApp;
let group: Unit;
let companyA: Unit;
let branchA: Unit;
let branchB: Unit;
let workshopA: Unit;
let workshopB: Unit;
const db = () => t.app.lifeline.database.db;
const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * 86_400_000));
const endOf = (offset: number) => endOfShanghaiDay(day(offset)).toISOString();
const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

async function workbench(c: Client): Promise<TWorkbench> {
  const res = await c.request('GET', '/api/workbench');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
/** The caller's tasks by kind. */
async function tasksOf(c: Client): Promise<Record<string, TWorkbenchTask>> {
  return Object.fromEntries((await workbench(c)).tasks.map((task) => [task.kind, task]));
}
/** How many of the records the caller's pages offer the action on (a record they may not see: none). */
async function offered(c: Client, urls: string[], ability: (body: Record<string, unknown>) => boolean) {
  let n = 0;
  for (const url of urls) {
    const res = await c.request('GET', url);
    if (res.statusCode === 200 && ability(res.json())) n += 1;
  }
  return n;
}
const can = (action: string) => (b: Record<string, unknown>) =>
  (b.abilities as Record<string, boolean>)[action] === true;

beforeAll(async () => {
  t = await buildTestApp();
  group = await buildUnit(db());
  companyA = await buildUnit(db(), group);
  const companyB = await buildUnit(db(), group);
  branchA = await buildUnit(db(), companyA);
  branchB = await buildUnit(db(), companyB);
  workshopA = await buildUnit(db(), companyA);
  workshopB = await buildUnit(db(), companyB);
});
afterAll(() => t.close());

describe('the workbench of an employee without tasks', () => {
  it('says nothing waits, and lists only their own recent changes, without logins or sensitive ones', async () => {
    const me = await loginAs(t.app, branchA);
    const other = await loginAs(t.app, branchA);
    const a = { personId: me.person.id, role: 'employee' };
    await writeAudit(db(), a, { action: 'person.update', recordType: 'person', recordId: 'mine-1' });
    await writeAudit(db(), a, { action: 'auth.login', recordType: 'account', recordId: 'login-1' });
    await writeAudit(db(), a, {
      action: 'consultation.request',
      recordType: 'consultation',
      recordId: 'c-1',
    });
    await writeAudit(db(), a, {
      action: 'hotline_item.rate',
      recordType: 'hotline_item',
      recordId: 'mine-2',
    });
    await writeAudit(
      db(),
      { personId: other.person.id },
      {
        action: 'person.update',
        recordType: 'person',
        recordId: 'theirs-1',
      },
    );
    const wb = await workbench(me);
    expect(wb.tasks).toEqual([]);
    expect(wb.activity.map((e) => e.recordId)).toEqual(['mine-2', 'mine-1']);
    expect(wb.activity[0]).toMatchObject({ action: 'hotline_item.rate', recordType: 'hotline_item' });
    expect((await t.app.inject({ method: 'GET', url: '/api/workbench' })).statusCode).toBe(401);
  });
});

describe('innovation', () => {
  let secretariatGroup: Client;
  let secretariatA: Client;
  let applicantA: Client;
  let secretaryA: Client;
  let applicantB: Client;
  let leader: Client;
  let recusedLeader: Client;
  let strangerLeader: Client;
  let expertA: Client;
  let expertOther: Client;
  let cycleId: number;
  const projects: Record<string, number> = {};

  async function move(c: Client, id: number, action: string, extra: Record<string, unknown> = {}) {
    const version = (await queryOne<{ version: number }>(
      db(),
      sql`select version from innovation_projects where id = ${id}`,
    ))!.version;
    const res = await c.request('POST', `/api/innovation/projects/${id}/transitions`, {
      action,
      version,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  async function declare(c: Client, unit: Unit, title: string, ...actions: [Client, string, object?][]) {
    const res = await c.request('POST', '/api/innovation/projects', {
      cycleId,
      unitId: unit.id,
      title,
      category: 'micro',
      levelApplied: 'plant',
      leaderId: c.person.id,
      budgetFen: 500_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    for (const [who, action, extra] of actions) await move(who, id, action, extra as Record<string, unknown>);
    return id;
  }
  const setState = (id: number, state: string) =>
    db().execute(sql`update innovation_projects set state = ${state} where id = ${id}`);
  const projectUrls = () => Object.values(projects).map((id) => `/api/innovation/projects/${id}`);

  beforeAll(async () => {
    secretariatGroup = await loginAs(t.app, group, [['secretariat', group]]);
    secretariatA = await loginAs(t.app, companyA, [['secretariat', companyA]]);
    applicantA = await loginAs(t.app, branchA, [['branch_secretary', branchA]]);
    secretaryA = await loginAs(t.app, branchA, [['branch_secretary', branchA]]);
    applicantB = await loginAs(t.app, branchB, [['branch_secretary', branchB]]);
    leader = await loginAs(t.app, group, [['leader', group]]);
    recusedLeader = await loginAs(t.app, branchA, [['leader', group]]);
    strangerLeader = await loginAs(t.app, group, [['leader', group]]);
    expertA = await loginAs(t.app, group, [['expert', companyA]]);
    expertOther = await loginAs(t.app, group, [['expert', group]]);
    const w = (from: number, to: number) => ({ from: day(from), to: day(to) });
    const cycle = await secretariatGroup.request('POST', '/api/innovation/cycles', {
      number: 1,
      name: '第1届',
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
    cycleId = cycle.json().id;
    const submit: [Client, string] = [applicantA, 'submit'];
    projects.a1 = await declare(applicantA, branchA, 'A1 待初审', submit);
    projects.a2 = await declare(applicantA, branchA, 'A2 待初审', submit);
    projects.a3 = await declare(applicantA, branchA, 'A3 草稿');
    projects.a4 = await declare(applicantA, branchA, 'A4 退回', submit, [
      secretariatGroup,
      'return',
      { comment: '请补充实施计划' },
    ]);
    projects.a5 = await declare(applicantA, branchA, 'A5 待审定', submit, [secretariatGroup, 'pass']);
    projects.a6 = await declare(applicantA, branchA, 'A6 实施中');
    await setState(projects.a6, 'approved');
    projects.a7 = await declare(applicantA, branchA, 'A7 补报');
    await setState(projects.a7, 'late_requested');
    projects.b1 = await declare(applicantB, branchB, 'B1 待初审', [applicantB, 'submit']);
    projects.b2 = await declare(applicantB, branchB, 'B2 草稿');
    projects.b3 = await declare(
      applicantB,
      branchB,
      'B3 待审定',
      [applicantB, 'submit'],
      [secretariatGroup, 'pass'],
    );
  });

  it('counts declarations to first-review within the secretariat’s scope, by the end of the review window', async () => {
    const a = (await tasksOf(secretariatA))['innovation.first_review'];
    expect(a).toMatchObject({ module: 'innovation', count: 2, overdue: 0, dueSoon: 0, dueAt: endOf(20) });
    expect(a.link).toBe(`/innovation?cycle=${cycleId}&state=submitted`);
    expect(a.count).toBe(await offered(secretariatA, projectUrls(), can('pass')));
    const g = (await tasksOf(secretariatGroup))['innovation.first_review'];
    expect(g.count).toBe(3);
    expect(g.count).toBe(await offered(secretariatGroup, projectUrls(), can('pass')));
    // Late entries to accept, and nothing of the secretariat's for an applicant.
    expect((await tasksOf(secretariatA))['innovation.late_request']).toMatchObject({
      count: 1,
      dueAt: null,
      link: `/innovation/projects/${projects.a7}`,
    });
    expect(await offered(secretariatA, projectUrls(), can('accept_late'))).toBe(1);
    const own = await tasksOf(applicantA);
    expect(own['innovation.first_review']).toBeUndefined();
    expect(own['innovation.late_request']).toBeUndefined();
  });

  it('counts one’s own drafts while the window is open and one’s returned declarations, not a colleague’s', async () => {
    const a = await tasksOf(applicantA);
    expect(a['innovation.draft']).toMatchObject({
      count: 1,
      dueAt: endOf(10),
      link: `/innovation/projects/${projects.a3}`,
    });
    expect(a['innovation.returned']).toMatchObject({
      count: 1,
      dueAt: null,
      link: `/innovation/projects/${projects.a4}`,
    });
    // A colleague of the same branch may edit them, but they are not his own.
    const colleague = await tasksOf(secretaryA);
    expect(colleague['innovation.draft']).toBeUndefined();
    expect(colleague['innovation.returned']).toBeUndefined();
    expect(await offered(secretaryA, [`/api/innovation/projects/${projects.a3}`], can('edit'))).toBe(1);
    expect((await tasksOf(applicantB))['innovation.draft']).toMatchObject({ count: 1 });
  });

  it('counts shortlisted projects for the members of a meeting who are not recused, by the end of the decision window', async () => {
    const meeting = await leader.request('POST', `/api/innovation/cycles/${cycleId}/meetings`, {
      heldOn: day(0),
      memberIds: [leader.person.id, recusedLeader.person.id],
      minutes: '研究审定',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const m = meeting.json().id as number;
    const decidable = async (c: Client) => {
      const detail = (await c.request('GET', `/api/innovation/meetings/${m}`)).json();
      return (detail.candidates as { abilities: { decide: boolean } }[]).filter((x) => x.abilities.decide)
        .length;
    };
    const l = (await tasksOf(leader))['innovation.decision'];
    expect(l).toMatchObject({ count: 2, dueAt: endOf(40), link: `/innovation/meetings/${m}` });
    expect(l.count).toBe(await decidable(leader));
    // A member who works in branch A is recused from its project.
    const r = (await tasksOf(recusedLeader))['innovation.decision'];
    expect(r.count).toBe(1);
    expect(r.count).toBe(await decidable(recusedLeader));
    // A leader who does not sit in the meeting records nothing.
    expect((await tasksOf(strangerLeader))['innovation.decision']).toBeUndefined();
    expect(await decidable(strangerLeader)).toBe(0);
  });

  it('counts an expert’s own reviews not yet submitted, within their evaluation scope', async () => {
    const review = (projectId: number, reviewerId: number, state = 'assigned') => ({
      projectId,
      reviewerId,
      state,
    });
    const rows = await db()
      .insert(innovationReviews)
      .values([
        review(projects.a1, expertA.person.id),
        review(projects.b1, expertA.person.id),
        review(projects.a2, expertA.person.id, 'submitted'),
        review(projects.a2, expertOther.person.id),
      ])
      .returning();
    const e = (await tasksOf(expertA))['innovation.review'];
    expect(e).toMatchObject({ count: 1, dueAt: endOf(360), link: `/innovation-reviews/${rows[0].id}` });
    const mine = (await expertA.request('GET', '/api/innovation/reviews')).json() as { state: string }[];
    expect(mine.filter((x) => x.state !== 'submitted')).toHaveLength(e.count);
    expect((await tasksOf(expertOther))['innovation.review']).toMatchObject({ count: 1 });
  });

  it('counts objections to answer for the organising unit’s secretariat, by the end of the publicity period', async () => {
    await db().execute(
      sql`update innovation_cycles set award_stage = 'publicity', publicity_ends_on = ${day(5)} where id = ${cycleId}`,
    );
    const [award] = await db()
      .insert(innovationAwards)
      .values({ cycleId, projectId: projects.a6, tier: 'first', amountFen: 1_000_000 })
      .returning();
    await db()
      .insert(innovationObjections)
      .values([
        { awardId: award.id, text: '成果与申报不符', lodgedBy: applicantB.person.id },
        { awardId: award.id, text: '已答复', lodgedBy: applicantB.person.id, answer: '经核实无误' },
      ]);
    const g = (await tasksOf(secretariatGroup))['innovation.objection'];
    expect(g).toMatchObject({
      count: 1,
      dueAt: endOf(5),
      link: `/innovation-results/cycles/${cycleId}/awards`,
    });
    const manage = async (c: Client) =>
      offered(c, [`/api/innovation/cycles/${cycleId}/awards`], can('manage'));
    expect(await manage(secretariatGroup)).toBe(1);
    // A company's secretariat does not run the group's awards.
    expect((await tasksOf(secretariatA))['innovation.objection']).toBeUndefined();
    expect(await manage(secretariatA)).toBe(0);
  });

  it('counts pending change requests for the secretariat and milestones falling due for the applicant', async () => {
    const asked = await applicantA.request('POST', `/api/innovation/projects/${projects.a6}/changes`, {
      proposal: { kind: 'funding', fundingFen: 800_000 },
      reason: '调研范围扩大',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    for (const c of [secretariatA, secretariatGroup]) {
      const task = (await tasksOf(c))['innovation.change_request'];
      expect(task).toMatchObject({ count: 1, link: `/innovation/projects/${projects.a6}` });
      const changes = (await c.request('GET', `/api/innovation/projects/${projects.a6}/changes`)).json() as {
        abilities: { decide: boolean };
      }[];
      expect(changes.filter((x) => x.abilities.decide)).toHaveLength(1);
    }
    expect((await tasksOf(applicantA))['innovation.change_request']).toBeUndefined();

    await db()
      .insert(innovationMilestones)
      .values([
        { projectId: projects.a6, position: 1, title: '调研', dueOn: day(-1) },
        { projectId: projects.a6, position: 2, title: '试点', dueOn: day(3) },
        { projectId: projects.a6, position: 3, title: '推广', dueOn: day(60) },
        { projectId: projects.a6, position: 4, title: '启动', dueOn: day(-5), doneOn: day(-6) },
      ]);
    expect((await tasksOf(applicantA))['innovation.milestone']).toMatchObject({
      count: 2,
      overdue: 1,
      dueAt: endOf(-1),
      link: `/innovation/projects/${projects.a6}`,
    });
    expect((await tasksOf(secretaryA))['innovation.milestone']).toBeUndefined();
    expect((await tasksOf(applicantB))['innovation.milestone']).toBeUndefined();
  });

  it('lists the caller’s own latest changes, newest first', async () => {
    const wb = await workbench(applicantA);
    expect(wb.activity.length).toBeGreaterThan(0);
    expect(wb.activity.length).toBeLessThanOrEqual(10);
    // The newest is the change asked for last; every one is the applicant's own work.
    expect(wb.activity[0].action).toMatch(/^innovation_change/);
    expect(wb.activity.every((e) => e.action.startsWith('innovation_'))).toBe(true);
    const times = wb.activity.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const aProjects = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'].map((k) => String(projects[k]));
    const theirs = (await workbench(applicantB)).activity.filter(
      (e) => e.recordType === 'innovation_project',
    );
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.filter((e) => aProjects.includes(e.recordId ?? ''))).toEqual([]);
  });
});

describe('hotline', () => {
  let handlerA: Client;
  let office: Client;
  let reporter: Client;
  let stranger: Client;
  let n = 0;
  const ids: Record<string, number> = {};
  const lateDue = at(-2 * HOUR);

  async function item(unit: Unit, state: string, fields: Partial<typeof hotlineItems.$inferInsert> = {}) {
    n += 1;
    const code = `KX2026${String(n).padStart(4, '0')}-WBTST`;
    const [row] = await db()
      .insert(hotlineItems)
      .values({
        code,
        category: 'canteen',
        urgency: 'normal',
        visibility: 'named',
        state,
        unitId: unit.id,
        handlingUnitId: unit.id,
        title: '食堂排队时间过长',
        description: '午餐高峰期排队超过二十分钟。',
        ...fields,
      })
      .returning();
    return row;
  }
  const deskUrls = () => Object.values(ids).map((id) => `/api/hotline/items/${id}`);

  beforeAll(async () => {
    handlerA = await loginAs(t.app, workshopA, [['hotline_handler', workshopA]]);
    office = await loginAs(t.app, group, [['hotline_office', group]]);
    reporter = await loginAs(t.app, branchA);
    stranger = await loginAs(t.app, branchA);
    ids.late = (await item(workshopA, 'submitted', { acceptDue: lateDue, answerDue: at(5 * 24 * HOUR) })).id;
    ids.reopened = (
      await item(workshopA, 'reopened', { acceptDue: at(3 * HOUR), answerDue: at(9 * 24 * HOUR) })
    ).id;
    ids.accepted = (
      await item(workshopA, 'accepted', { acceptDue: at(-30 * HOUR), answerDue: at(3 * 24 * HOUR) })
    ).id;
    ids.working = (await item(workshopA, 'in_progress', { answerDue: at(5 * 24 * HOUR) })).id;
    ids.waiting = (await item(workshopA, 'waiting_reporter', { answerDue: at(HOUR) })).id;
    ids.answered = (await item(workshopA, 'answered', { answeredAt: at(-HOUR) })).id;
    ids.otherUnit = (await item(workshopB, 'submitted', { acceptDue: at(-5 * HOUR) })).id;
  });

  it('counts items to accept and to answer in the handler’s units, with the nearest deadline and the late ones', async () => {
    const h = await tasksOf(handlerA);
    expect(h['hotline.accept']).toMatchObject({
      module: 'hotline',
      count: 2,
      overdue: 1,
      dueSoon: 1,
      dueAt: lateDue,
      link: '/hotline',
    });
    expect(h['hotline.accept'].count).toBe(await offered(handlerA, deskUrls(), can('accept')));
    expect(h['hotline.answer']).toMatchObject({ count: 2, overdue: 0, dueSoon: 0, link: '/hotline' });
    expect(h['hotline.answer'].count).toBe(await offered(handlerA, deskUrls(), can('answer')));
    // Late first in the list.
    expect((await workbench(handlerA)).tasks[0].kind).toBe('hotline.accept');
  });

  it('counts the whole group’s items for the hotline office, and none for a plain employee', async () => {
    const o = await tasksOf(office);
    expect(o['hotline.accept'].count).toBe(3);
    expect(o['hotline.accept'].count).toBe(await offered(office, deskUrls(), can('accept')));
    expect(o['hotline.answer'].count).toBe(2);
    const s = await tasksOf(stranger);
    expect(s['hotline.accept']).toBeUndefined();
    expect(s['hotline.answer']).toBeUndefined();
  });

  it('links a single item to its page and a single state to the filtered desk', async () => {
    const only = await loginAs(t.app, workshopB, [['hotline_handler', workshopB]]);
    expect((await tasksOf(only))['hotline.accept']).toMatchObject({
      count: 1,
      overdue: 1,
      link: `/hotline/items/${ids.otherUnit}`,
    });
    const extra = await item(workshopB, 'submitted', { acceptDue: at(10 * HOUR) });
    expect((await tasksOf(only))['hotline.accept']).toMatchObject({
      count: 2,
      link: '/hotline?state=submitted',
    });
    await db().delete(hotlineItems).where(sql`id = ${extra.id}`);
  });

  it('counts a reporter’s own named and confidential items to rate or to add to, never another’s', async () => {
    const crypto = t.app.lifeline.crypto;
    const answeredAt = at(-2 * 24 * HOUR);
    const named = await item(branchA, 'answered', { reporterPersonId: reporter.person.id, answeredAt });
    await item(branchA, 'answered', { reporterPersonId: stranger.person.id, answeredAt });
    await item(branchA, 'answered', { visibility: 'anonymous', answeredAt });
    const code = 'KX20269999-WBCNF';
    const confidential = await item(branchA, 'waiting_reporter', {
      code,
      visibility: 'confidential',
      reporterEnc: crypto.encrypt(String(reporter.person.id), reporterContext(code)),
      reporterIndex: crypto.blindIndex(String(reporter.person.id), 'hotline_reporter'),
    });
    const r = await tasksOf(reporter);
    expect(r['hotline.rate']).toMatchObject({
      count: 1,
      dueAt: new Date(Date.parse(answeredAt) + 7 * 24 * HOUR).toISOString(),
      link: `/m/hotline/mine/${named.id}`,
    });
    expect(r['hotline.add_info']).toMatchObject({
      count: 1,
      dueAt: null,
      link: `/m/hotline/mine/${confidential.id}`,
    });
    const mine = (await reporter.request('GET', '/api/hotline/mine')).json() as {
      abilities: Record<string, boolean>;
    }[];
    expect(mine.filter((x) => x.abilities.rate)).toHaveLength(1);
    expect(mine.filter((x) => x.abilities.add_info)).toHaveLength(1);
    expect((await tasksOf(stranger))['hotline.rate']).toMatchObject({ count: 1 });
    expect((await tasksOf(stranger))['hotline.add_info']).toBeUndefined();
  });
});

describe('counselling', () => {
  let coachA: Client;
  let coachGroup: Client;
  let employeeA: Client;
  let employeeB: Client;

  async function ask(c: Client) {
    const res = await c.request('POST', '/api/counselling/requests', {});
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number };
  }
  /** Requests in the coach's inbox, in a state, that offer the action. */
  async function inbox(c: Client, state: string, action: string) {
    const list = (await c.request('GET', '/api/counselling/inbox')).json() as {
      state: string;
      abilities: Record<string, boolean>;
    }[];
    return list.filter((x) => x.state === state && x.abilities[action]).length;
  }

  beforeAll(async () => {
    coachA = await loginAs(t.app, companyA, [['coach', companyA]]);
    coachGroup = await loginAs(t.app, group, [['coach', group]]);
    employeeA = await loginAs(t.app, branchA);
    employeeB = await loginAs(t.app, branchB);
  });

  it('counts requests open to the coach’s team and booked sessions, not another unit’s nor their own', async () => {
    await ask(employeeA);
    await ask(employeeB);
    await ask(coachA);
    const booked = await ask(employeeA);
    const startsAt = at(3 * HOUR);
    const res = await coachGroup.request('POST', `/api/counselling/requests/${booked.id}/book`, {
      startsAt,
      place: '心理咨询室',
      version: booked.version,
    });
    expect(res.statusCode, res.body).toBe(200);

    const a = await tasksOf(coachA);
    expect(a['counselling.request']).toMatchObject({ module: 'counselling', count: 1, dueAt: null });
    expect(a['counselling.request'].count).toBe(await inbox(coachA, 'requested', 'book'));
    expect(a['counselling.session']).toBeUndefined();

    const g = await tasksOf(coachGroup);
    expect(g['counselling.request']).toMatchObject({ count: 3, link: '/m/counselling/inbox' });
    expect(g['counselling.request'].count).toBe(await inbox(coachGroup, 'requested', 'book'));
    expect(g['counselling.session']).toMatchObject({
      count: 1,
      overdue: 0,
      dueSoon: 1,
      dueAt: new Date(startsAt).toISOString(),
      link: `/m/counselling/requests/${booked.id}`,
    });
    expect(g['counselling.session'].count).toBe(await inbox(coachGroup, 'booked', 'close'));
    // The employees who asked have nothing to do as coaches.
    expect((await workbench(employeeA)).tasks.filter((x) => x.module === 'counselling')).toEqual([]);
  });
});
