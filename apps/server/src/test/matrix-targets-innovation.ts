import { DEFAULT_RUBRIC } from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import { shanghaiDate } from '../platform/calendar/work-calendar.js';
import { buildPerson, buildUnit, type Person, type Unit } from './factories.js';
import type { Target } from './matrix-targets.js';
import type { TestApp } from './test-app.js';

type Make = (t: TestApp, unit: Unit, caller: Person) => Promise<Target>;
const db = (app: FastifyInstance) => app.lifeline.database.db;
const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * 86_400_000));
let n = 100;

/** A cycle organised by the unit, with its declaration window open today. */
async function cycleIn(app: FastifyInstance, unit: Unit, fields: Record<string, unknown> = {}) {
  const { innovationCycles } = await import('../modules/innovation/innovation.table.js');
  n += 1;
  const [row] = await db(app)
    .insert(innovationCycles)
    .values({
      number: n,
      name: `第${n}届`,
      startYear: 2026,
      ownerUnitId: unit.id,
      windows: {
        declaration: { from: day(-5), to: day(5) },
        review: { from: day(6), to: day(10) },
        decision: { from: day(11), to: day(20) },
        implementation: { from: day(21), to: day(200) },
        evaluation: { from: day(201), to: day(260) },
      },
      levels: [{ level: 'plant', quota: null, minFundingFen: null, maxFundingFen: null }],
      rubric: DEFAULT_RUBRIC,
      awardTiers: [{ tier: 'first', amountFen: 1_000_000, count: null }],
      ...fields,
    })
    .returning();
  return row;
}

/**
 * A project in a given state, in a cycle the unit organises: of the unit itself, or of another
 * unit of its subtree (`applicant`).
 */
async function projectIn(
  app: FastifyInstance,
  unit: Unit,
  state: string,
  cycleFields = {},
  applicant = unit,
) {
  const { innovationProjects } = await import('../modules/innovation/innovation.table.js');
  const cycle = await cycleIn(app, unit, cycleFields);
  const leader = await buildPerson(db(app), app.lifeline.crypto, applicant);
  n += 1;
  const [p] = await db(app)
    .insert(innovationProjects)
    .values({
      cycleId: cycle.id,
      code: `T-${n}`,
      unitId: applicant.id,
      title: '矩阵测试课题',
      category: 'micro',
      levelApplied: 'plant',
      levelApproved: ['approved', 'completed'].includes(state) ? 'plant' : null,
      leaderId: leader.id,
      state,
      submittedAt: state === 'draft' ? null : new Date().toISOString(),
      createdBy: leader.id,
    })
    .returning();
  return { cycle, project: p };
}

/** Someone outside every test unit: never in conflict with a project. */
const outsider = async (app: FastifyInstance) =>
  buildPerson(db(app), app.lifeline.crypto, await buildUnit(db(app)));

const tables = () => import('../modules/innovation/innovation.table.js');

/** A cycle whose approved list is published (立项公布) / whose awards are in publicity (公示). */
const PUBLISHED = { approvedListPublishedAt: new Date().toISOString() };
const IN_PUBLICITY = { awardStage: 'publicity', publicityEndsOn: day(5) };

/** For each innovation route, how to call it about a record that lives in `unit`. */
export const innovationTargets: Record<string, Make> = {
  'GET /api/innovation/cycles': async ({ app }, unit) => ({
    url: '/api/innovation/cycles',
    listed: (await cycleIn(app, unit)).name,
  }),
  'GET /api/innovation/notices': async () => ({
    url: '/api/innovation/notices',
    why: 'public notices (公示, published lists, the conference) of the cycles organised above the caller’s unit',
  }),
  'POST /api/innovation/cycles': async (_t, unit) => {
    n += 1;
    const w = { from: day(0), to: day(1) };
    return {
      url: '/api/innovation/cycles',
      payload: {
        number: n,
        name: '新一届',
        startYear: 2026,
        ownerUnitId: unit.id,
        windows: { declaration: w, review: w, decision: w, implementation: w, evaluation: w },
        levels: [{ level: 'plant' }],
        rubric: DEFAULT_RUBRIC,
        awardTiers: [],
      },
    };
  },
  'GET /api/innovation/cycles/:id': async ({ app }, unit) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit)).id}`,
  }),
  'PATCH /api/innovation/cycles/:id': async ({ app }, unit) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit)).id}`,
    payload: { name: '改名', version: 1 },
  }),
  'GET /api/innovation/cycles/:id/board': async ({ app }, unit) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit)).id}/board`,
  }),
  'GET /api/innovation/stats': async ({ app }, unit) => ({
    url: '/api/innovation/stats',
    listed: (await cycleIn(app, unit)).name,
  }),
  'GET /api/innovation/stats.xlsx': async ({ app }, unit) => ({
    url: '/api/innovation/stats.xlsx',
    listed: (await cycleIn(app, unit)).name,
  }),
  'GET /api/innovation/projects': async ({ app }, unit) => ({
    url: '/api/innovation/projects',
    listed: (await projectIn(app, unit, 'submitted')).project.code,
  }),
  'POST /api/innovation/projects': async ({ app }, unit, caller) => ({
    url: '/api/innovation/projects',
    payload: {
      cycleId: (await cycleIn(app, unit)).id,
      unitId: unit.id,
      title: '矩阵申报',
      category: 'micro',
      levelApplied: 'plant',
      leaderId: caller.id,
    },
  }),
  'GET /api/innovation/projects/:id': async ({ app }, unit) => ({
    url: `/api/innovation/projects/${(await projectIn(app, unit, 'submitted')).project.id}`,
  }),
  'PATCH /api/innovation/projects/:id': async ({ app }, unit) => ({
    url: `/api/innovation/projects/${(await projectIn(app, unit, 'draft')).project.id}`,
    payload: { title: '改过的题目', version: 1 },
  }),
  'POST /api/innovation/projects/:id/transitions': async ({ app }, unit) => ({
    url: `/api/innovation/projects/${(await projectIn(app, unit, 'draft')).project.id}/transitions`,
    payload: { action: 'submit', version: 1 },
  }),
  'GET /api/innovation/projects/:id/revisions': async ({ app }, unit) => ({
    url: `/api/innovation/projects/${(await projectIn(app, unit, 'submitted')).project.id}/revisions`,
  }),
  'POST /api/innovation/projects/:id/attachments': async ({ app }, unit) => ({
    url: `/api/innovation/projects/${(await projectIn(app, unit, 'draft')).project.id}/attachments`,
    upload: true,
  }),
  'GET /api/innovation/projects/:id/attachments/:fileId': async ({ app }, unit) => {
    const { project, fileId } = await attached(app, unit);
    return { url: `/api/innovation/projects/${project.id}/attachments/${fileId}` };
  },
  'DELETE /api/innovation/projects/:id/attachments/:fileId': async ({ app }, unit) => {
    const { project, fileId } = await attached(app, unit);
    return { url: `/api/innovation/projects/${project.id}/attachments/${fileId}` };
  },
  'POST /api/innovation/projects/:id/progress': async ({ app }, unit) => ({
    url: `/api/innovation/projects/${(await projectIn(app, unit, 'approved')).project.id}/progress`,
    payload: { text: '进展顺利' },
  }),
  'POST /api/innovation/projects/:id/supervision': async ({ app }, unit) => ({
    url: `/api/innovation/projects/${(await projectIn(app, unit, 'approved')).project.id}/supervision`,
    payload: { note: '督导意见' },
  }),
  'GET /api/innovation/projects/:id/changes': async ({ app }, unit) => ({
    url: `/api/innovation/projects/${(await projectIn(app, unit, 'approved')).project.id}/changes`,
  }),
  'POST /api/innovation/projects/:id/changes': async ({ app }, unit) => ({
    url: `/api/innovation/projects/${(await projectIn(app, unit, 'approved')).project.id}/changes`,
    payload: { proposal: { kind: 'funding', fundingFen: 100_000 }, reason: '调整经费' },
  }),
  'POST /api/innovation/changes/:id/decision': async ({ app }, unit) => {
    const { innovationChangeRequests } = await tables();
    const { project } = await projectIn(app, unit, 'approved');
    const [c] = await db(app)
      .insert(innovationChangeRequests)
      .values({
        projectId: project.id,
        kind: 'funding',
        proposal: { kind: 'funding', fundingFen: 1 },
        reason: 'x',
      })
      .returning();
    return { url: `/api/innovation/changes/${c.id}/decision`, payload: { approve: false, version: 1 } };
  },
  'GET /api/innovation/cycles/:id/changes': async ({ app }, unit) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit)).id}/changes`,
  }),
  'GET /api/innovation/cycles/:id/overdue': async ({ app }, unit) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit)).id}/overdue`,
  }),
  'GET /api/innovation/cycles/:id/meetings': async ({ app }, unit) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit)).id}/meetings`,
  }),
  'POST /api/innovation/cycles/:id/meetings': async ({ app }, unit, caller) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit)).id}/meetings`,
    payload: { heldOn: day(0), memberIds: [caller.id] },
  }),
  'GET /api/innovation/meetings/:id': async ({ app }, unit) => ({
    url: `/api/innovation/meetings/${(await meetingIn(app, unit)).meeting.id}`,
  }),
  // Only a member of the meeting changes it and records its decisions.
  'PATCH /api/innovation/meetings/:id': async ({ app }, unit, caller) => ({
    url: `/api/innovation/meetings/${(await meetingIn(app, unit, caller)).meeting.id}`,
    payload: { minutes: '会议纪要', version: 1 },
  }),
  'POST /api/innovation/meetings/:id/decisions': async ({ app }, unit, caller) => {
    // The project comes from a branch below the caller's unit, so the caller is not recused.
    const { meeting, project } = await meetingIn(app, unit, caller, await buildUnit(db(app), unit));
    return {
      url: `/api/innovation/meetings/${meeting.id}/decisions`,
      payload: { projectId: project.id, outcome: 'decline', version: 1 },
    };
  },
  // Public once published, to everyone in the organising unit's subtree: unit B's cycle → 404.
  'GET /api/innovation/cycles/:id/approved': async ({ app }, unit) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit, PUBLISHED)).id}/approved`,
    scoped: true,
  }),
  'GET /api/innovation/cycles/:id/approved.xlsx': async ({ app }, unit) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit, PUBLISHED)).id}/approved.xlsx`,
    scoped: true,
  }),
  'POST /api/innovation/cycles/:id/approved/publish': async ({ app }, unit) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit)).id}/approved/publish`,
  }),
  'POST /api/innovation/projects/:id/reviewers': async ({ app }, unit) => ({
    url: `/api/innovation/projects/${(await projectIn(app, unit, 'completed')).project.id}/reviewers`,
    payload: { reviewerIds: [(await outsider(app)).id] },
  }),
  'POST /api/innovation/conflicts': async (_t, unit) => ({
    url: '/api/innovation/conflicts',
    payload: { unitId: unit.id, reason: '曾在该单位工作' },
    why: 'declares the caller’s own conflict of interest with a unit (an expert may have worked anywhere); no id in the address',
  }),
  'GET /api/innovation/projects/:id/reviewers': async ({ app }, unit, caller) => {
    const { project } = await projectIn(app, unit, 'completed');
    await reviewOn(app, project.id, caller);
    return { url: `/api/innovation/projects/${project.id}/reviewers` };
  },
  'DELETE /api/innovation/projects/:id/reviewers/:reviewerId': async ({ app }, unit) => {
    const { project } = await projectIn(app, unit, 'completed');
    const reviewer = await outsider(app);
    await reviewOn(app, project.id, reviewer);
    return { url: `/api/innovation/projects/${project.id}/reviewers/${reviewer.id}` };
  },
  // An expert's own declarations of interest and review assignments.
  'GET /api/innovation/conflicts': async ({ app }, _unit, caller) => {
    const { innovationConflicts } = await tables();
    n += 1;
    const reason = `曾在该单位工作${n}`;
    await db(app).insert(innovationConflicts).values({ reviewerId: caller.id, reason });
    return { url: '/api/innovation/conflicts', owner: true, listed: reason };
  },
  'DELETE /api/innovation/conflicts/:id': async ({ app }, _unit, caller) => {
    const { innovationConflicts } = await tables();
    const [c] = await db(app)
      .insert(innovationConflicts)
      .values({ reviewerId: caller.id, reason: '旧的声明' })
      .returning();
    return { url: `/api/innovation/conflicts/${c.id}`, owner: true };
  },
  'GET /api/innovation/reviews': async ({ app }, unit, caller) => {
    const { project } = await projectIn(app, unit, 'completed');
    await reviewOn(app, project.id, caller);
    return { url: '/api/innovation/reviews', owner: true, listed: project.code };
  },
  'GET /api/innovation/reviews/:id': async ({ app }, unit, caller) => ({
    url: `/api/innovation/reviews/${await reviewIn(app, unit, caller)}`,
  }),
  'PUT /api/innovation/reviews/:id': async ({ app }, unit, caller) => ({
    url: `/api/innovation/reviews/${await reviewIn(app, unit, caller)}`,
    payload: { scores: { political: 80 }, version: 1 },
  }),
  'GET /api/innovation/cycles/:id/evaluation': async ({ app }, unit) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit)).id}/evaluation`,
  }),
  'GET /api/innovation/cycles/:id/awards': async ({ app }, unit) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit, IN_PUBLICITY)).id}/awards`,
    scoped: true,
  }),
  'PUT /api/innovation/cycles/:id/awards': async ({ app }, unit) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit)).id}/awards`,
    payload: { awards: [], version: 1 },
  }),
  'POST /api/innovation/cycles/:id/awards/publish': async ({ app }, unit) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit, { awardStage: 'draft' })).id}/awards/publish`,
    payload: { publicityEndsOn: day(5), version: 1 },
  }),
  'POST /api/innovation/cycles/:id/awards/finalize': async ({ app }, unit) => {
    const c = await cycleIn(app, unit, { awardStage: 'publicity', publicityEndsOn: day(-1) });
    return { url: `/api/innovation/cycles/${c.id}/awards/finalize`, payload: { version: 1 } };
  },
  'POST /api/innovation/awards/:id/objections': async ({ app }, unit) => ({
    url: `/api/innovation/awards/${(await awardIn(app, unit)).award.id}/objections`,
    payload: { text: '对该奖项有异议，请核实。' },
    scoped: true,
  }),
  'POST /api/innovation/objections/:id/answer': async ({ app }, unit) => {
    const { innovationObjections } = await tables();
    const { award } = await awardIn(app, unit);
    const [o] = await db(app)
      .insert(innovationObjections)
      .values({ awardId: award.id, text: '异议', lodgedBy: (await outsider(app)).id })
      .returning();
    return { url: `/api/innovation/objections/${o.id}/answer`, payload: { answer: '已核实' } };
  },
  'GET /api/innovation/cycles/:id/conference': async ({ app }, unit) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit, { conferenceOn: day(-1) })).id}/conference`,
    scoped: true,
  }),
  'PUT /api/innovation/cycles/:id/conference': async ({ app }, unit) => ({
    url: `/api/innovation/cycles/${(await cycleIn(app, unit)).id}/conference`,
    payload: { name: '创新大会', heldOn: day(0), commendations: [], version: 1 },
  }),
};

async function attached(app: FastifyInstance, unit: Unit) {
  const { innovationAttachments } = await tables();
  const { saveFile } = await import('../platform/files/files.service.js');
  const { project } = await projectIn(app, unit, 'draft');
  const file = await saveFile(db(app), app.lifeline.files, {
    bytes: Buffer.from('%PDF-1.4\n%%EOF'),
    filename: 'a.pdf',
    allowed: ['application/pdf'],
    maxBytes: 1e6,
    createdBy: null,
  });
  await db(app).insert(innovationAttachments).values({ projectId: project.id, fileId: file.id });
  return { project, fileId: file.id };
}

/** A meeting of a cycle the unit organises, on a shortlisted project; `member` sits in it. */
async function meetingIn(app: FastifyInstance, unit: Unit, member?: Person, applicant = unit) {
  const { innovationMeetings } = await tables();
  const { cycle, project } = await projectIn(app, unit, 'shortlisted', {}, applicant);
  const memberIds = [(await outsider(app)).id, ...(member ? [member.id] : [])];
  const [meeting] = await db(app)
    .insert(innovationMeetings)
    .values({ cycleId: cycle.id, heldOn: day(0), memberIds })
    .returning();
  return { meeting, project };
}

async function reviewIn(app: FastifyInstance, unit: Unit, caller: Person) {
  const { project } = await projectIn(app, unit, 'completed');
  return reviewOn(app, project.id, caller);
}

async function reviewOn(app: FastifyInstance, projectId: number, reviewer: Person) {
  const { innovationReviews } = await tables();
  const [r] = await db(app)
    .insert(innovationReviews)
    .values({ projectId, reviewerId: reviewer.id })
    .returning();
  return r.id;
}

async function awardIn(app: FastifyInstance, unit: Unit) {
  const { innovationAwards } = await tables();
  const { cycle, project } = await projectIn(app, unit, 'completed', {
    awardStage: 'publicity',
    publicityEndsOn: day(5),
  });
  const [award] = await db(app)
    .insert(innovationAwards)
    .values({ cycleId: cycle.id, projectId: project.id, tier: 'first', amountFen: 1_000_000 })
    .returning();
  return { cycle, award };
}
