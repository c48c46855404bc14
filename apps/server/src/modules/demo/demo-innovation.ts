import { DEFAULT_RUBRIC, type TInnovationLevel, weightedTotal } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import {
  innovationAwards,
  innovationCommendations,
  innovationCycles,
  innovationDecisions,
  innovationEvents,
  innovationMeetings,
  innovationMilestones,
  innovationProjects,
  innovationReviews,
  innovationRevisions,
} from '../innovation/innovation.table.js';
import { type DemoUnit, prng } from './demo-data.js';

/**
 * The history of the demo group's innovation projects: four past cycles whose figures grow to
 * the Laiwu article's 4th cycle (45 declared, 36 approved: 7 / 20 / 9, 80%, the most ever; 65
 * results commended at the conferences of 2021–2025), and a 5th cycle open for declarations.
 */
const CYCLES = [
  { number: 1, start: 2018, declared: 28, levels: [4, 9, 5], commended: 15, teams: 3, people: 5 },
  { number: 2, start: 2020, declared: 34, levels: [5, 13, 6], commended: 20, teams: 4, people: 6 },
  { number: 3, start: 2022, declared: 40, levels: [6, 16, 8], commended: 21, teams: 4, people: 6 },
  { number: 4, start: 2024, declared: 45, levels: [7, 20, 9], commended: 24, teams: 5, people: 8 },
] as const;
const NAMES = ['第一届', '第二届', '第三届', '第四届', '第五届'];
const LEVELS: TInnovationLevel[] = ['company_key', 'plant', 'branch'];
const FUNDING = {
  company_key: [2_000_000, 5_000_000],
  plant: [500_000, 2_000_000],
  branch: [100_000, 500_000],
};
const CATEGORIES = ['learning', 'original', 'inherited', 'integrated', 'micro'] as const;
const TOPICS = [
  '“三会一课”标准化建设',
  '班组思想政治工作',
  '党员先锋岗创建',
  '职工思想动态分析',
  '新媒体宣传阵地建设',
  '青年职工成长成才',
  '劳模创新工作室',
  '党建与生产经营深度融合',
  '安全生产思想教育',
  '职工心理疏导机制',
  '企业文化落地',
  '网格化党建管理',
  '“两学一做”常态化',
  '困难职工帮扶',
  '党员积分制管理',
  '技能人才思想引领',
  '主题党日活动创新',
  '外协用工思想政治工作',
  '廉洁文化进班组',
  '职工快线问题办理',
];
const SUFFIXES = ['研究', '实践', '探索', '机制创新', '路径研究', '模式构建'];

function windows(start: number) {
  const d = (y: number, md: string) => `${y}-${md}`;
  return {
    declaration: { from: d(start, '03-01'), to: d(start, '03-31') },
    review: { from: d(start, '04-01'), to: d(start, '04-20') },
    decision: { from: d(start, '04-21'), to: d(start, '05-15') },
    implementation: { from: d(start, '05-16'), to: d(start + 1, '09-30') },
    evaluation: { from: d(start + 1, '10-01'), to: d(start + 1, '11-30') },
  };
}

const cycleSettings = (start: number) => ({
  startYear: start,
  windows: windows(start),
  levels: [
    { level: 'company_key' as const, quota: null, minFundingFen: 2_000_000, maxFundingFen: 5_000_000 },
    { level: 'plant' as const, quota: null, minFundingFen: 500_000, maxFundingFen: 2_000_000 },
    { level: 'branch' as const, quota: null, minFundingFen: 100_000, maxFundingFen: 500_000 },
  ],
  rubric: DEFAULT_RUBRIC,
  awardTiers: [
    { tier: 'first' as const, amountFen: 5_000_000, count: 2 },
    { tier: 'second' as const, amountFen: 3_000_000, count: 4 },
    { tier: 'third' as const, amountFen: 1_000_000, count: 6 },
    { tier: 'excellence' as const, amountFen: 300_000, count: null },
  ],
});

type Ids = { units: DemoUnit[]; secretariatId: number; leaderId: number; expertId: number };

/** Seeds the innovation history in the seeding transaction; returns how many projects it made. */
export async function seedDemoInnovation(tx: Db, ids: Ids): Promise<number> {
  const rnd = prng(20240301);
  const group = ids.units.find((u) => u.code === 'G')!;
  const applicants = ids.units.filter((u) => /^S\d+-W\d+(-B\d+)?$/.test(u.code));
  const peopleByUnit = new Map<number, number[]>();
  for (const r of await queryRows<{ id: number; unit_id: number }>(
    tx,
    sql`select id, unit_id from people where employment_status = 'active' order by id`,
  )) {
    const list = peopleByUnit.get(Number(r.unit_id)) ?? [];
    list.push(Number(r.id));
    peopleByUnit.set(Number(r.unit_id), list);
  }
  // Reviewers sit at group or subsidiary level, never inside an applicant unit's subtree.
  const reviewers = ids.units
    .filter((u) => /^G-(DQ|ZY|GH|TW)$/.test(u.code))
    .flatMap((u) => (peopleByUnit.get(u.id) ?? []).slice(0, 2))
    .slice(0, 6);
  const teamOf = (unit: DemoUnit) => {
    const pool = [
      ...(peopleByUnit.get(unit.id) ?? []),
      ...ids.units.filter((u) => u.parentId === unit.id).flatMap((u) => peopleByUnit.get(u.id) ?? []),
    ];
    const picked = new Set<number>();
    while (picked.size < Math.min(4, pool.length)) picked.add(rnd.pick(pool));
    return [...picked];
  };
  let made = 0;

  // The current cycle's declaration window is open on the day the demo is installed.
  const now = shanghaiDate(new Date());
  const day = (offset: number) => new Date(Date.parse(now) + offset * 86_400_000).toISOString().slice(0, 10);
  const current = {
    number: 5,
    start: Number(now.slice(0, 4)),
    declared: 0,
    levels: [0, 0, 0],
    commended: 0,
    teams: 0,
    people: 0,
  } as const;
  for (const c of [...CYCLES, current]) {
    const settings = cycleSettings(c.start);
    const past = c.number < 5;
    if (!past)
      settings.windows = {
        declaration: { from: day(-22), to: day(38) },
        review: { from: day(39), to: day(60) },
        decision: { from: day(61), to: day(90) },
        implementation: { from: day(91), to: day(400) },
        evaluation: { from: day(401), to: day(460) },
      };
    const [cycle] = await tx
      .insert(innovationCycles)
      .values({
        number: c.number,
        name: NAMES[c.number - 1],
        ownerUnitId: group.id,
        ...settings,
        awardStage: past ? 'final' : 'none',
        publicityEndsOn: past ? `${c.start + 1}-12-10` : null,
        approvedListPublishedAt: past ? `${c.start}-05-20T02:00:00.000Z` : null,
        conferenceName: past ? `${NAMES[c.number - 1]}思想政治工作创新大会` : null,
        conferenceOn: past ? `${c.start + 1}-12-20` : null,
        projectSeq: c.declared,
      })
      .returning();
    const [meeting] = past
      ? await tx
          .insert(innovationMeetings)
          .values({
            cycleId: cycle.id,
            heldOn: `${c.start}-05-10`,
            memberIds: [ids.leaderId, ...reviewers.slice(0, 2)],
            minutes: '（演示）领导小组研究审定本届课题立项。',
          })
          .returning()
      : [];
    const approvedTotal = c.levels.reduce((s: number, n: number) => s + n, 0);
    const levelOf = (i: number) => (i < c.levels[0] ? 0 : i < c.levels[0] + c.levels[1] ? 1 : 2);
    const completed: { id: number; unitId: number; teamIds: number[]; leaderId: number }[] = [];
    for (let i = 0; i < c.declared; i += 1) {
      const unit = rnd.pick(applicants);
      const [leaderId, ...teamIds] = teamOf(unit);
      const approved = i < approvedTotal;
      const level = approved ? LEVELS[levelOf(i)] : rnd.pick(LEVELS);
      const applied = approved && rnd.next() < 0.2 ? LEVELS[Math.max(0, levelOf(i) - 1)] : level;
      const [lo, hi] = FUNDING[level];
      const funding = approved ? Math.round((lo + rnd.next() * (hi - lo)) / 100_000) * 100_000 : null;
      const state = approved
        ? i === approvedTotal - 1
          ? 'terminated'
          : 'completed'
        : rnd.next() < 0.5
          ? 'rejected'
          : 'declined';
      const submittedAt = `${c.start}-03-${String(rnd.int(2, 28)).padStart(2, '0')}T02:00:00.000Z`;
      const [p] = await tx
        .insert(innovationProjects)
        .values({
          cycleId: cycle.id,
          code: `${c.start}-${String(c.number).padStart(2, '0')}-${String(i + 1).padStart(3, '0')}`,
          unitId: unit.id,
          title: `${rnd.pick(TOPICS)}${rnd.pick(SUFFIXES)}（演示）`,
          category: rnd.pick(CATEGORIES),
          levelApplied: applied,
          levelApproved: approved ? level : null,
          leaderId,
          teamIds,
          objectives: '（演示数据）提升基层思想政治工作的针对性和实效性。',
          plan: '（演示数据）调研、试点、总结推广三个阶段。',
          budgetFen: funding ?? Math.round((lo + rnd.next() * (hi - lo)) / 100_000) * 100_000,
          fundingFen: funding,
          state,
          revision: 1,
          submittedAt,
          decidedAt: state === 'rejected' ? null : `${c.start}-05-10T08:00:00.000Z`,
          completedAt: state === 'completed' ? `${c.start + 1}-09-20T08:00:00.000Z` : null,
          createdBy: leaderId,
          createdAt: submittedAt,
          updatedAt: submittedAt,
        })
        .returning();
      made += 1;
      await tx.insert(innovationRevisions).values({
        projectId: p.id,
        revision: 1,
        snapshot: {
          title: p.title,
          category: p.category,
          levelApplied: applied,
          leaderId,
          teamIds,
          budgetFen: p.budgetFen,
        },
        submittedBy: leaderId,
        submittedAt,
      });
      await tx.insert(innovationEvents).values([
        {
          projectId: p.id,
          action: 'submit',
          fromState: 'draft',
          toState: 'submitted',
          actorId: leaderId,
          at: submittedAt,
        },
        ...(state === 'rejected'
          ? [
              {
                projectId: p.id,
                action: 'reject',
                fromState: 'submitted',
                toState: 'rejected',
                comment: '选题与往届课题重复。',
                actorId: ids.secretariatId,
                at: `${c.start}-04-10T02:00:00.000Z`,
              },
            ]
          : [
              {
                projectId: p.id,
                action: 'pass',
                fromState: 'submitted',
                toState: 'shortlisted',
                actorId: ids.secretariatId,
                at: `${c.start}-04-10T02:00:00.000Z`,
              },
            ]),
      ]);
      if (meeting && state !== 'rejected') {
        await tx.insert(innovationDecisions).values({
          meetingId: meeting.id,
          projectId: p.id,
          outcome: approved ? 'approve' : 'decline',
          level: approved ? level : null,
          fundingFen: funding,
          recused: [],
          decidedBy: ids.leaderId,
          decidedAt: `${c.start}-05-10T08:00:00.000Z`,
        });
      }
      if (approved) {
        await tx.insert(innovationMilestones).values([
          {
            projectId: p.id,
            position: 1,
            title: '完成调研',
            dueOn: `${c.start}-08-31`,
            deliverable: '调研报告',
            doneOn: `${c.start}-08-25`,
            outcome: '已完成',
          },
          {
            projectId: p.id,
            position: 2,
            title: '试点运行',
            dueOn: `${c.start + 1}-03-31`,
            deliverable: '试点总结',
            doneOn: `${c.start + 1}-03-28`,
            outcome: '已完成',
          },
          {
            projectId: p.id,
            position: 3,
            title: '成果总结',
            dueOn: `${c.start + 1}-09-15`,
            deliverable: '成果报告',
            doneOn: state === 'completed' ? `${c.start + 1}-09-12` : null,
          },
        ]);
      }
      if (state === 'completed') completed.push({ id: p.id, unitId: unit.id, teamIds, leaderId });
    }
    if (!past) {
      made += await seedOpenCycle(tx, cycle.id, c.start, applicants, teamOf, rnd, ids.secretariatId);
      continue;
    }

    // Three reviews per completed project by the research association's experts.
    const totals = new Map<number, number>();
    for (const p of completed) {
      const chosen = reviewers.filter((r) => r !== p.leaderId && !p.teamIds.includes(r)).slice(0, 3);
      const base = 60 + rnd.int(0, 30);
      let sum = 0;
      for (const reviewerId of chosen) {
        const scores = Object.fromEntries(
          DEFAULT_RUBRIC.map((d) => [d.key, Math.min(100, base + rnd.int(-8, 8))]),
        );
        const total = weightedTotal(DEFAULT_RUBRIC, scores);
        sum += total;
        await tx.insert(innovationReviews).values({
          projectId: p.id,
          reviewerId,
          state: 'submitted',
          scores,
          recommendation: total >= 80 ? 'recommend' : 'neutral',
          overallComment: '（演示）成果扎实，具有推广价值。',
          total,
          submittedAt: `${c.start + 1}-10-20T02:00:00.000Z`,
        });
      }
      totals.set(p.id, sum / Math.max(1, chosen.length));
    }
    // The demo expert has two open assignments in the 4th cycle, beside three submitted reviews.
    if (c.number === 4)
      for (const p of completed.slice(0, 2))
        await tx.insert(innovationReviews).values({ projectId: p.id, reviewerId: ids.expertId });

    const ranked = [...completed].sort((a, b) => (totals.get(b.id) ?? 0) - (totals.get(a.id) ?? 0));
    const tiers = [
      'first',
      'first',
      'second',
      'second',
      'second',
      'third',
      'third',
      'third',
      'third',
      'third',
    ];
    const awarded = ranked.slice(0, Math.min(ranked.length, c.commended));
    await tx.insert(innovationAwards).values(
      awarded.map((p, i) => {
        const tier = tiers[i] ?? 'excellence';
        return {
          cycleId: cycle.id,
          projectId: p.id,
          tier,
          amountFen: settings.awardTiers.find((t) => t.tier === tier)!.amountFen,
        };
      }),
    );
    const rows = [
      ...awarded.map((p, i) => ({
        kind: 'result',
        projectId: p.id,
        personId: null,
        title: `优秀成果（第${i + 1}名）`,
      })),
      ...awarded
        .slice(0, c.teams)
        .map((p) => ({ kind: 'team', projectId: p.id, personId: null, title: '优秀创新团队' })),
      ...awarded
        .slice(0, c.people)
        .map((p) => ({ kind: 'individual', projectId: null, personId: p.leaderId, title: '优秀创新个人' })),
    ];
    await tx
      .insert(innovationCommendations)
      .values(rows.map((r, i) => ({ cycleId: cycle.id, ...r, position: i + 1 })));
  }
  return made;
}

/** Declarations already in the open cycle: four awaiting first review and one returned. */
async function seedOpenCycle(
  tx: Db,
  cycleId: number,
  year: number,
  applicants: DemoUnit[],
  teamOf: (u: DemoUnit) => number[],
  rnd: ReturnType<typeof prng>,
  secretariatId: number,
): Promise<number> {
  const at = new Date(Date.now() - 5 * 86_400_000).toISOString();
  for (let i = 0; i < 5; i += 1) {
    const unit = applicants[(i * 7 + 3) % applicants.length];
    const [leaderId, ...teamIds] = teamOf(unit);
    const returned = i === 4;
    const [p] = await tx
      .insert(innovationProjects)
      .values({
        cycleId,
        code: `${year}-05-${String(i + 1).padStart(3, '0')}`,
        unitId: unit.id,
        title: `${TOPICS[(i * 3) % TOPICS.length]}${SUFFIXES[i % SUFFIXES.length]}（演示）`,
        category: CATEGORIES[i % CATEGORIES.length],
        levelApplied: LEVELS[i % 3],
        leaderId,
        teamIds,
        objectives: '（演示数据）以问题为导向，推动思想政治工作方法创新。',
        plan: '（演示数据）第一阶段调研，第二阶段试点，第三阶段总结推广。',
        budgetFen: [3_000_000, 1_000_000, 300_000][i % 3],
        state: returned ? 'returned' : 'submitted',
        revision: 1,
        submittedAt: at,
        createdBy: leaderId,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    await tx.insert(innovationMilestones).values([
      {
        projectId: p.id,
        position: 1,
        title: '完成调研',
        dueOn: `${year + 1}-05-31`,
        deliverable: '调研报告',
      },
      {
        projectId: p.id,
        position: 2,
        title: '成果总结',
        dueOn: `${year + 1}-09-15`,
        deliverable: '成果报告',
      },
    ]);
    await tx.insert(innovationRevisions).values({
      projectId: p.id,
      revision: 1,
      snapshot: {
        title: p.title,
        category: p.category,
        levelApplied: p.levelApplied,
        leaderId,
        teamIds,
        budgetFen: p.budgetFen,
      },
      submittedBy: leaderId,
      submittedAt: at,
    });
    await tx.insert(innovationEvents).values([
      {
        projectId: p.id,
        action: 'submit',
        fromState: 'draft',
        toState: 'submitted',
        actorId: leaderId,
        at,
      },
      ...(returned
        ? [
            {
              projectId: p.id,
              action: 'return',
              fromState: 'submitted',
              toState: 'returned',
              comment: '请补充预期成果的量化指标。',
              actorId: secretariatId,
            },
          ]
        : []),
    ]);
  }
  await tx.update(innovationCycles).set({ projectSeq: 5 }).where(sql`${innovationCycles.id} = ${cycleId}`);
  void rnd;
  return 5;
}
