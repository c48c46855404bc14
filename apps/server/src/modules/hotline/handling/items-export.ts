import { HOTLINE_STATES, HOTLINE_URGENCIES, type THotlineListItem } from '@lifeline/shared';
import { inArray } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import type { XlsxColumn } from '../../../platform/excel/xlsx.js';
import { hotlineItems } from '../hotline.table.js';
import { hotlineConfig } from '../settings/hotline-settings.js';
import { type ListQuery, listItems } from './list.service.js';

/** A list row with what an office's spreadsheet needs beyond the list: when accepted and answered, the rating. */
export type ExportedItem = THotlineListItem & {
  acceptedAt: string | null;
  answeredAt: string | null;
  rating: number | null;
};

const label = (list: readonly { code: string; zh: string }[], code: string) =>
  list.find((x) => x.code === code)?.zh ?? code;

/** Hours from one instant to another, to one decimal (how long an item took to answer). */
export function hoursBetween(from: string, to: string | null): number | null {
  if (!to) return null;
  return Math.round((Date.parse(to) - Date.parse(from)) / 360_000) / 10;
}

/**
 * The columns of the hotline export: labels, not codes (the category as the office named it),
 * times as Excel dates in Beijing time, the acceptance and answer deadlines, how long the answer
 * took, and the reporter's rating. No reporter identity.
 */
export async function itemExportColumns(db: Db): Promise<XlsxColumn<ExportedItem>[]> {
  const { categories } = await hotlineConfig(db);
  return [
    { header: '编号', width: 18, value: (r) => r.code },
    { header: '标题', width: 36, value: (r) => r.title },
    { header: '类别', width: 12, value: (r) => label(categories, r.category) },
    { header: '紧急程度', value: (r) => label(HOTLINE_URGENCIES, r.urgency) },
    { header: '状态', value: (r) => label(HOTLINE_STATES, r.state) },
    { header: '所涉单位', width: 24, value: (r) => r.unit.name },
    { header: '承办单位', width: 24, value: (r) => r.handlingUnit.name },
    { header: '附议', kind: 'number', value: (r) => r.meToo },
    { header: '提出时间', width: 18, kind: 'datetime', value: (r) => r.createdAt },
    {
      header: '受理期限',
      width: 18,
      kind: 'datetime',
      value: (r) => r.acceptDue ?? (r.calendarMissingYear ? `${r.calendarMissingYear}年日历缺失` : ''),
    },
    { header: '受理时间', width: 18, kind: 'datetime', value: (r) => r.acceptedAt },
    {
      header: '答复期限',
      width: 18,
      kind: 'datetime',
      value: (r) => r.answerDue ?? (r.calendarMissingYear ? `${r.calendarMissingYear}年日历缺失` : ''),
    },
    { header: '答复时间', width: 18, kind: 'datetime', value: (r) => r.answeredAt },
    {
      header: '办理用时（小时）',
      width: 16,
      kind: 'number',
      value: (r) => hoursBetween(r.createdAt, r.answeredAt),
    },
    { header: '超期', value: (r) => (r.overdue ? '是' : '') },
    { header: '评价（星）', kind: 'number', value: (r) => r.rating },
  ];
}

/**
 * Every item of a filtered list, newest first, a page of 100 at a time along the list's own
 * keyset (no limit on the number of pages), with the extra columns read for each page at once.
 */
export async function* itemExportRows(
  db: Db,
  actor: Actor,
  q: ListQuery,
  first?: Awaited<ReturnType<typeof listItems>>,
): AsyncIterable<ExportedItem[]> {
  let page = first ?? (await listItems(db, actor, { ...q, limit: 100 }));
  for (;;) {
    if (page.items.length) yield await withExtras(db, page.items);
    if (!page.next) return;
    page = await listItems(db, actor, { ...q, limit: 100, before: page.next });
  }
}

async function withExtras(db: Db, items: THotlineListItem[]): Promise<ExportedItem[]> {
  const extras = await db
    .select({
      id: hotlineItems.id,
      acceptedAt: hotlineItems.acceptedAt,
      answeredAt: hotlineItems.answeredAt,
      rating: hotlineItems.rating,
    })
    .from(hotlineItems)
    .where(
      inArray(
        hotlineItems.id,
        items.map((i) => i.id),
      ),
    );
  const byId = new Map(extras.map((e) => [e.id, e]));
  return items.map((i) => {
    const e = byId.get(i.id);
    return {
      ...i,
      acceptedAt: e?.acceptedAt ?? null,
      answeredAt: e?.answeredAt ?? null,
      rating: e?.rating ?? null,
    };
  });
}
