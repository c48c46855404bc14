import {
  actionsFrom,
  aggregateScores,
  cyclePhase,
  DEFAULT_RUBRIC,
  nextState,
  PROJECT_ACTIONS,
  PROJECT_STATES,
  PROJECT_TRANSITIONS,
  rankBy,
  weightedTotal,
  ZCycleInput,
} from '@lifeline/shared';
import { describe, expect, it } from 'vitest';
import { recusals } from './decisions/recusal.js';
import { windowProblem } from './projects/projects.rules.js';

describe('the transition table', () => {
  it('reaches every state from a draft and names a permission for every move', () => {
    const seen = new Set(['draft']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const s of [...seen])
        for (const a of actionsFrom(s as never)) {
          const to = nextState(s as never, a)!;
          if (!seen.has(to)) {
            seen.add(to);
            changed = true;
          }
        }
    }
    expect([...seen].sort()).toEqual([...PROJECT_STATES].sort());
    for (const a of PROJECT_ACTIONS) expect(PROJECT_TRANSITIONS[a].permission).toMatch(/^innovation\./);
  });

  it('has no move out of the final states', () => {
    for (const s of ['rejected', 'declined', 'terminated', 'completed'] as const)
      expect(actionsFrom(s)).toEqual([]);
    expect(nextState('submitted', 'approve')).toBeNull();
  });

  it('opens submission of a draft only inside the declaration window, and late requests only after it', () => {
    const w = { from: '2026-03-01', to: '2026-03-31' };
    expect(windowProblem('submit', 'draft', w, '2026-02-28')).toBe('declaration_not_open');
    expect(windowProblem('submit', 'draft', w, '2026-03-31')).toBeNull();
    expect(windowProblem('submit', 'draft', w, '2026-04-01')).toBe('declaration_closed');
    expect(windowProblem('submit', 'returned', w, '2026-04-20')).toBeNull();
    expect(windowProblem('request_late', 'draft', w, '2026-03-15')).toBe('declaration_open');
    expect(windowProblem('request_late', 'draft', w, '2026-04-01')).toBeNull();
  });
});

describe('cycles', () => {
  const windows = {
    declaration: { from: '2026-03-01', to: '2026-03-31' },
    review: { from: '2026-04-01', to: '2026-04-20' },
    decision: { from: '2026-04-21', to: '2026-05-15' },
    implementation: { from: '2026-05-16', to: '2027-09-30' },
    evaluation: { from: '2027-10-01', to: '2027-11-30' },
  };
  it('knows its phase from its windows', () => {
    expect(cyclePhase(windows, '2026-02-01')).toBe('upcoming');
    expect(cyclePhase(windows, '2026-03-10')).toBe('declaration');
    expect(cyclePhase(windows, '2026-04-25')).toBe('decision');
    expect(cyclePhase(windows, '2027-10-02')).toBe('evaluation');
    expect(cyclePhase(windows, '2027-12-01')).toBe('closed');
  });
  it('refuses an award above 50,000 yuan and windows out of order', () => {
    const base = {
      number: 1,
      name: '第一届',
      startYear: 2026,
      ownerUnitId: 1,
      windows,
      levels: [{ level: 'plant' }],
      rubric: DEFAULT_RUBRIC,
      awardTiers: [{ tier: 'first', amountFen: 5_000_000 }],
    };
    expect(ZCycleInput.safeParse(base).success).toBe(true);
    expect(
      ZCycleInput.safeParse({ ...base, awardTiers: [{ tier: 'first', amountFen: 5_000_001 }] }).success,
    ).toBe(false);
    const swapped = { ...windows, review: { from: '2026-02-01', to: '2026-02-20' } };
    expect(ZCycleInput.safeParse({ ...base, windows: swapped }).success).toBe(false);
  });
});

describe('aggregation of reviews', () => {
  it('weights the dimensions', () => {
    expect(
      weightedTotal(DEFAULT_RUBRIC, { political: 90, innovative: 80, effective: 70, exemplary: 60 }),
    ).toBe(75);
    const rubric = [
      { key: 'a', nameZh: '甲', nameEn: 'A', weight: 3 },
      { key: 'b', nameZh: '乙', nameEn: 'B', weight: 1 },
    ];
    expect(weightedTotal(rubric, { a: 80, b: 40 })).toBe(70);
  });

  it('gives mean, median and spread, flags disagreement, and corrects a harsh reviewer', () => {
    // Reviewer 1 is harsh (scores ~20 lower) and alone reviews project 3.
    const reviews = [
      { projectId: 1, reviewerId: 1, total: 60 },
      { projectId: 1, reviewerId: 2, total: 85 },
      { projectId: 2, reviewerId: 2, total: 80 },
      { projectId: 2, reviewerId: 3, total: 82 },
      { projectId: 3, reviewerId: 1, total: 70 },
      { projectId: 3, reviewerId: 3, total: 78 },
    ];
    const agg = aggregateScores(reviews, 15);
    expect(agg.get(1)).toMatchObject({ mean: 72.5, median: 72.5, spread: 25, disagreement: true });
    expect(agg.get(2)).toMatchObject({ mean: 81, spread: 2, disagreement: false });
  });

  it('ranks a harsh reviewer’s best project level with a lenient reviewer’s best once normalised', () => {
    // H scores A 70 and B 50; L scores C 95 and D 85. Raw, A is third; normalised, A ties C for first.
    const agg = aggregateScores(
      [
        { projectId: 1, reviewerId: 7, total: 70 },
        { projectId: 2, reviewerId: 7, total: 50 },
        { projectId: 3, reviewerId: 8, total: 95 },
        { projectId: 4, reviewerId: 8, total: 85 },
      ],
      15,
    );
    const items = [1, 2, 3, 4].map((id) => ({ id, ...agg.get(id)! }));
    const raw = rankBy(items, (i) => i.mean);
    const norm = rankBy(items, (i) => i.normalized);
    expect(items.map((i) => raw.get(i))).toEqual([3, 4, 1, 2]);
    expect(items.map((i) => norm.get(i))).toEqual([1, 3, 1, 3]);
  });

  it('shares ranks on ties', () => {
    const xs = [{ s: 90 }, { s: 80 }, { s: 80 }, { s: 70 }];
    const r = rankBy(xs, (x) => x.s);
    expect(xs.map((x) => r.get(x))).toEqual([1, 2, 2, 4]);
  });
});

describe('recusal', () => {
  it('recuses team members and members inside the applicant unit, and no one else', () => {
    const members = [
      { id: 1, name: 'a', employeeNo: '1', unitPath: '/1/2/3/' },
      { id: 2, name: 'b', employeeNo: '2', unitPath: '/1/2/' },
      { id: 3, name: 'c', employeeNo: '3', unitPath: '/1/9/' },
    ];
    expect(recusals(members, { unitPath: '/1/2/', leaderId: 3, teamIds: [] })).toEqual([
      { personId: 1, reason: 'unit' },
      { personId: 2, reason: 'unit' },
      { personId: 3, reason: 'team' },
    ]);
    expect(recusals(members, { unitPath: '/1/2/3/', leaderId: 99, teamIds: [] })).toEqual([
      { personId: 1, reason: 'unit' },
    ]);
  });
});
