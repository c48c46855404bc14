import { suppressRows } from '@lifeline/shared';
import { describe, expect, it } from 'vitest';
import { AggregateTree, periodBounds, type TreeUnit, type UnitCounts } from './aggregates.rules.js';

const cells = (...ns: number[]) => ns.map((participants) => ({ participants }));

describe('suppressRows', () => {
  it('hides rows under ten, and nothing else when the hidden rows together make ten or more', () => {
    expect(suppressRows(cells(30, 4, 7))).toEqual([null, 'small_group', 'small_group']);
    expect(suppressRows(cells(30, 12, 15))).toEqual([null, null, null]);
  });

  it('hides the smallest other row too when a lone hidden row could be recovered by subtraction', () => {
    // total 44 − 12 − 25 would give the 7.
    expect(suppressRows(cells(25, 12, 7))).toEqual([null, 'complementary', 'small_group']);
  });

  it('keeps hiding until the hidden rows add up to ten', () => {
    expect(suppressRows(cells(40, 2, 3, 11, 12))).toEqual([
      null,
      'small_group',
      'small_group',
      'complementary',
      null,
    ]);
  });

  it('is content with hidden rows of nobody: subtracting them reveals no one', () => {
    expect(suppressRows(cells(20, 0, 15))).toEqual([null, 'small_group', null]);
  });
});

/** A tree: root 1 → A 2 (→ A1 4, A2 5) and B 3; people attached at the leaves. */
const units: TreeUnit[] = [
  { id: 1, parentId: null, path: '/1/', name: '集团' },
  { id: 2, parentId: 1, path: '/1/2/', name: '甲公司' },
  { id: 3, parentId: 1, path: '/1/3/', name: '乙公司' },
  { id: 4, parentId: 2, path: '/1/2/4/', name: '甲一支部' },
  { id: 5, parentId: 2, path: '/1/2/5/', name: '甲二支部' },
];
const at = (headcount: number, normal: number, severe = 0): UnitCounts => ({
  headcount,
  bands: new Map([
    ['normal', normal],
    ['severe', severe],
  ]),
});

describe('AggregateTree', () => {
  it('publishes a unit’s rows as its children’s subtrees, with totals that add up', () => {
    const tree = new AggregateTree(
      units,
      new Map([
        [4, at(40, 18, 2)],
        [5, at(30, 11, 1)],
        [3, at(50, 25)],
      ]),
    );
    const root = tree.publish(1);
    expect(root.total).toMatchObject({
      headcount: 120,
      participants: 57,
      counts: { normal: 54, severe: 3 },
      suppressed: null,
    });
    expect(root.rows.map((r) => [r.name, r.participants])).toEqual([
      ['甲公司', 32],
      ['乙公司', 25],
    ]);
    expect(tree.publish(2).rows.map((r) => [r.name, r.participants])).toEqual([
      ['甲一支部', 20],
      ['甲二支部', 12],
    ]);
  });

  it('suppresses a whole table under ten', () => {
    const tree = new AggregateTree(
      units,
      new Map([
        [4, at(40, 5)],
        [5, at(30, 3)],
      ]),
    );
    const a = tree.publish(2);
    expect(a.total).toMatchObject({ suppressed: 'small_group', participants: null, counts: null });
    expect(a.rows.every((r) => r.suppressed && r.participants === null)).toBe(true);
  });

  it('hides a child in its own table when its parent’s table had to hide it as a complement', () => {
    // Root rows: A = 12 + 11 = 23, B = 6 → B is small, A becomes its complement.
    const tree = new AggregateTree(
      units,
      new Map([
        [4, at(40, 12)],
        [5, at(30, 11)],
        [3, at(20, 6)],
      ]),
    );
    const root = tree.publish(1);
    expect(root.total.participants).toBe(29);
    expect(root.rows.map((r) => r.suppressed)).toEqual(['complementary', 'small_group']);
    // Were A's own table shown, 29 − 23 would reveal B's six people.
    const a = tree.publish(2);
    expect(a.total).toMatchObject({ suppressed: 'complementary', participants: null });
    expect(a.rows.every((r) => r.participants === null)).toBe(true);
    // The children's own tables are hidden as well (their sum would give A's total).
    expect(tree.publish(4).total.participants).toBeNull();
  });

  it('lists people attached to the unit itself as their own row', () => {
    const tree = new AggregateTree(
      units,
      new Map([
        [2, at(15, 12)],
        [4, at(40, 20)],
        [5, at(30, 15)],
      ]),
    );
    const rows = tree.publish(2).rows;
    expect(rows[0]).toMatchObject({ unitId: null, name: '甲公司', participants: 12 });
    expect(rows).toHaveLength(3);
  });
});

describe('periodBounds', () => {
  it('gives quarters and years in Beijing time', () => {
    expect(periodBounds(2026, 1)).toEqual({
      from: '2025-12-31T16:00:00.000Z',
      to: '2026-03-31T16:00:00.000Z',
    });
    expect(periodBounds(2026)).toEqual({ from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(periodBounds(2026, 4).to).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('an empty subtree', () => {
  it('shows zero participants as zero rather than as a suppressed small group', () => {
    const tree = new AggregateTree(
      units,
      new Map([
        [4, at(40, 0)],
        [3, at(20, 12)],
      ]),
    );
    expect(tree.publish(2).total).toMatchObject({ participants: 0, suppressed: null, headcount: 40 });
  });
});
