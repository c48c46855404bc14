import { MIN_GROUP, suppressRows, type TAggregateRow } from '@lifeline/shared';

/**
 * Aggregates with small-group and complementary suppression, consistent over the whole tree.
 *
 * Each person counts once per period, in the unit of their latest result, so the figures of a
 * unit are exactly the sum of its rows (its children's subtrees and the people attached to it
 * directly). A table is the rows of one unit. Primary suppression hides a row under MIN_GROUP;
 * complementary suppression hides more rows until the hidden ones add up to MIN_GROUP (see
 * `suppressRows`). Because a row of a unit's table is the total of the child's own table, a
 * child hidden in its parent's table — or in any ancestor's — is hidden in its own table too:
 * otherwise asking for the child would undo the complementary suppression of the parent.
 */

export type TreeUnit = { id: number; parentId: number | null; path: string; name: string };

/** Per unit: people attached directly (headcount), and participants per band (directly attached). */
export type UnitCounts = { headcount: number; bands: Map<string, number> };

type Cell = {
  unitId: number | null;
  name: string;
  headcount: number;
  participants: number;
  bands: Map<string, number>;
};

export class AggregateTree {
  private readonly children = new Map<number | null, TreeUnit[]>();
  private readonly byId = new Map<number, TreeUnit>();
  private readonly sums = new Map<number, Cell>();

  constructor(
    units: TreeUnit[],
    private readonly counts: Map<number, UnitCounts>,
  ) {
    for (const u of units) {
      this.byId.set(u.id, u);
      const list = this.children.get(u.parentId) ?? [];
      list.push(u);
      this.children.set(u.parentId, list);
    }
    // Each unit's counts go into its own and every ancestor's subtree sum.
    for (const u of units)
      this.sums.set(u.id, { unitId: u.id, name: u.name, headcount: 0, participants: 0, bands: new Map() });
    for (const [id, c] of counts) {
      for (let a = this.byId.get(id); a; a = a.parentId === null ? undefined : this.byId.get(a.parentId)) {
        addInto(this.sums.get(a.id)!, c);
      }
    }
  }

  unit(id: number): TreeUnit | undefined {
    return this.byId.get(id);
  }

  /** Headcount and band counts of a unit's whole subtree. */
  private subtree(u: TreeUnit): Cell {
    return this.sums.get(u.id)!;
  }

  /** The rows of a unit's table: the people attached to it directly, then each child's subtree. */
  private table(u: TreeUnit): Cell[] {
    const direct: Cell = { unitId: null, name: u.name, headcount: 0, participants: 0, bands: new Map() };
    const own = this.counts.get(u.id);
    if (own) addInto(direct, own);
    return [direct, ...(this.children.get(u.id) ?? []).map((c) => this.subtree(c))];
  }

  /** True when some ancestor's table hides the row that leads to this unit. */
  private hiddenAbove(u: TreeUnit): boolean {
    const chain: TreeUnit[] = [];
    for (let p = u.parentId; p !== null; ) {
      const a = this.byId.get(p);
      if (!a) break;
      chain.unshift(a);
      p = a.parentId;
    }
    for (const a of chain) {
      const rows = this.table(a);
      const total = rows.reduce((s, r) => s + r.participants, 0);
      if (total < MIN_GROUP) return true;
      const hidden = suppressRows(rows);
      const i = rows.findIndex((r) => r.unitId !== null && u.path.startsWith(this.byId.get(r.unitId)!.path));
      if (i >= 0 && hidden[i]) return true;
    }
    return false;
  }

  /** The published table of a unit: its total and rows, with suppressed figures removed. */
  publish(unitId: number): { total: TAggregateRow; rows: TAggregateRow[] } {
    const u = this.byId.get(unitId);
    if (!u) throw new Error(`Unknown unit ${unitId}`);
    const cells = this.table(u);
    const whole = this.subtree(u);
    // Nobody at all is not a group anyone could be found in: zero is shown as zero.
    if (whole.participants === 0) {
      return {
        total: row({ ...whole, name: u.name }, null),
        rows: cells.filter((c, i) => i > 0 || c.headcount > 0).map((c) => row(c, null)),
      };
    }
    const hideAll = whole.participants < MIN_GROUP || this.hiddenAbove(u);
    const why: 'small_group' | 'complementary' =
      whole.participants < MIN_GROUP ? 'small_group' : 'complementary';
    const marks = hideAll ? cells.map(() => why) : suppressRows(cells);
    const totalMark = hideAll ? marks[0] : null;
    return {
      total: row({ ...whole, name: u.name }, totalMark),
      rows: cells
        .map((c, i) => ({ c, mark: marks[i] }))
        // The "directly attached" row is left out when nobody is attached to the unit itself.
        .filter(({ c }, i) => i > 0 || c.headcount > 0 || c.participants > 0)
        .map(({ c, mark }) => row(c, mark)),
    };
  }
}

function addInto(cell: Cell, c: UnitCounts): void {
  cell.headcount += c.headcount;
  for (const [band, n] of c.bands) {
    cell.participants += n;
    cell.bands.set(band, (cell.bands.get(band) ?? 0) + n);
  }
}

function row(c: Cell, mark: 'small_group' | 'complementary' | null): TAggregateRow {
  return {
    unitId: c.unitId,
    name: c.name,
    headcount: c.headcount,
    suppressed: mark,
    participants: mark ? null : c.participants,
    counts: mark ? null : Object.fromEntries(c.bands),
  };
}

/** The period's bounds in Beijing time: a quarter, or the whole year. */
export function periodBounds(year: number, quarter?: number): { from: string; to: string } {
  const startMonth = quarter ? (quarter - 1) * 3 + 1 : 1;
  const endMonth = quarter ? startMonth + 3 : 13;
  const iso = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01T00:00:00+08:00`;
  const from = new Date(iso(year, startMonth)).toISOString();
  const to = new Date(endMonth === 13 ? iso(year + 1, 1) : iso(year, endMonth)).toISOString();
  return { from, to };
}
