import type { THotlineBoardItem } from '@lifeline/shared';
import { type SQL, sql } from 'drizzle-orm';
import { escapeLike, queryRows } from '../../../platform/db/sql.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError } from '../../../platform/errors.js';

export type BoardQuery = { category?: string; unitId?: number; q?: string; before?: string };

type Raw = {
  id: string;
  code: string;
  title: string;
  description: string;
  category: string;
  unit_id: string;
  unit_name: string;
  h_id: string;
  h_name: string;
  me_too: number;
  working_days: number | null;
  created_at: string;
  answered_at: string;
  rating: number | null;
};

/**
 * The public board: answered items whose reporters agreed, newest answer first. Nothing of the
 * reporter is selected at all; replies are the unit's public replies (never internal notes).
 */
export async function board(
  db: Db,
  q: BoardQuery,
): Promise<{ items: THotlineBoardItem[]; next: string | null }> {
  const conds: SQL[] = [
    sql`h.publish_consent`,
    sql`h.state in ('answered', 'confirmed', 'closed')`,
    sql`h.answered_at is not null`,
  ];
  if (q.category) conds.push(sql`h.category = ${q.category}`);
  if (q.unitId)
    conds.push(
      sql`h.unit_id in (select id from org_units where path like (select path from org_units where id = ${q.unitId}) || '%')`,
    );
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conds.push(sql`(h.title like ${like} or h.description like ${like})`);
  }
  if (q.before) {
    const [at, id] = Buffer.from(q.before, 'base64url').toString().split('|');
    if (!at || Number.isNaN(Date.parse(at)) || !Number.isInteger(Number(id))) {
      throw new AppError('validation_failed', 'Bad cursor', {
        issues: [{ path: 'querystring.before', message: 'Bad cursor' }],
      });
    }
    conds.push(sql`(h.answered_at, h.id) < (${at}::timestamptz, ${Number(id)})`);
  }
  const rows = await queryRows<Raw>(
    db,
    sql`select h.id, h.code, h.title, h.description, h.category, h.unit_id, u.name as unit_name, h.handling_unit_id as h_id,
          hu.name as h_name, h.me_too, h.working_days, h.created_at, h.answered_at, h.rating
        from hotline_items h join org_units u on u.id = h.unit_id join org_units hu on hu.id = h.handling_unit_id
        where ${sql.join(conds, sql` and `)}
        order by h.answered_at desc nulls last, h.id desc nulls last limit 21`,
  );
  const page = rows.slice(0, 20);
  const replies = page.length
    ? await queryRows<{ item_id: string; text: string; created_at: string }>(
        db,
        sql`select item_id, text, created_at from hotline_messages where kind = 'reply'
            and item_id in (${sql.join(
              page.map((r) => sql`${Number(r.id)}`),
              sql`, `,
            )}) order by id`,
      )
    : [];
  const items = page.map((r) => ({
    id: Number(r.id),
    code: r.code,
    title: r.title,
    description: r.description,
    category: r.category,
    unit: { id: Number(r.unit_id), name: r.unit_name },
    handlingUnit: { id: Number(r.h_id), name: r.h_name },
    replies: replies
      .filter((m) => Number(m.item_id) === Number(r.id))
      .map((m) => ({ text: m.text, at: new Date(m.created_at).toISOString() })),
    meToo: Number(r.me_too),
    workingDays: r.working_days,
    createdAt: new Date(r.created_at).toISOString(),
    answeredAt: new Date(r.answered_at).toISOString(),
    rating: r.rating,
  }));
  const last = page[page.length - 1];
  return {
    items,
    next:
      rows.length > 20 && last
        ? Buffer.from(`${new Date(last.answered_at).toISOString()}|${last.id}`).toString('base64url')
        : null,
  };
}
