import type { TOrgUnitTreeNode } from '@lifeline/shared';

/** A unit with its child units, sorted as the organisation lists them. */
export type UnitTreeItem = TOrgUnitTreeNode & { children: UnitTreeItem[] };

export type UnitTree = { roots: UnitTreeItem[]; byId: Map<number, UnitTreeItem> };

const bySortOrder = (a: UnitTreeItem, b: UnitTreeItem) =>
  a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');

/**
 * Builds the tree from the API's flat list. The roots are the units whose parent is not in the
 * list: the top unit for a system administrator, their own subtree's top for a unit administrator.
 */
export function buildUnitTree(nodes: readonly TOrgUnitTreeNode[]): UnitTree {
  const byId = new Map<number, UnitTreeItem>(nodes.map((n) => [n.id, { ...n, children: [] }]));
  const roots: UnitTreeItem[] = [];
  for (const item of byId.values()) {
    const parent = item.parentId === null ? undefined : byId.get(item.parentId);
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  for (const item of byId.values()) item.children.sort(bySortOrder);
  roots.sort(bySortOrder);
  return { roots, byId };
}

/** The ids of a unit's ancestors within the tree, nearest first. */
export function ancestorIds(tree: UnitTree, id: number): number[] {
  const out: number[] = [];
  let current = tree.byId.get(id);
  while (current?.parentId != null && tree.byId.has(current.parentId)) {
    out.push(current.parentId);
    current = tree.byId.get(current.parentId);
  }
  return out;
}

/** Whether any of the texts contains the search (case-insensitive); an empty search matches none. */
export function textMatches(texts: readonly string[], search: string): boolean {
  const q = search.trim().toLowerCase();
  return q !== '' && texts.some((s) => s.toLowerCase().includes(q));
}

/** Whether a unit's name, short name or code contains the text. */
export function unitMatches(unit: TOrgUnitTreeNode, text: string): boolean {
  return textMatches([unit.name, unit.shortName ?? '', unit.code], text);
}

/** The units matching a search, in tree order (depth first), so the first hit is the highest. */
export function searchUnits(tree: UnitTree, text: string): UnitTreeItem[] {
  const hits: UnitTreeItem[] = [];
  const walk = (items: UnitTreeItem[]) => {
    for (const item of items) {
      if (unitMatches(item, text)) hits.push(item);
      walk(item.children);
    }
  };
  walk(tree.roots);
  return hits;
}
