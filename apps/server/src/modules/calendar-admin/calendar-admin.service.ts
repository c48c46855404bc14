import type { TCalendarDay } from '@lifeline/shared';
import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../platform/authz/actor.js';
import { loadWorkCalendar } from '../../platform/calendar/calendar.service.js';
import { calendarOverrides, calendarYears } from '../../platform/calendar/calendar.table.js';
import { officialCalendarData } from '../../platform/calendar/work-calendar.js';
import type { Db } from '../../platform/db/types.js';
import { AppError } from '../../platform/errors.js';
import { calendarPolicy } from './calendar-admin.policy.js';

/** Authorizes a change of the calendar and returns the grant it is made with, for the audit row. */
const manageGrant = (actor: Actor) => calendarPolicy.authorize(actor, 'manage', {});

/** The years the calendar can answer for, and where their data comes from. */
export async function calendarYearsList(db: Db) {
  const official = new Set(
    [...Object.keys(officialCalendarData().holidays), ...Object.keys(officialCalendarData().workdays)].map(
      (d) => Number(d.slice(0, 4)),
    ),
  );
  const declared = new Set((await db.select().from(calendarYears)).map((y) => y.year));
  const counts = new Map(
    (
      await db
        .select({
          year: sql<number>`extract(year from ${calendarOverrides.day})::int`,
          n: sql<number>`count(*)::int`,
        })
        .from(calendarOverrides)
        .groupBy(sql`1`)
    ).map((r) => [r.year, r.n]),
  );
  const years = [...new Set([...official, ...declared])].sort((a, b) => a - b);
  return years.map((year) => ({
    year,
    source: (official.has(year) && declared.has(year)
      ? 'both'
      : official.has(year)
        ? 'official'
        : 'administrator') as 'both' | 'official' | 'administrator',
    overrides: counts.get(year) ?? 0,
  }));
}

/**
 * Every day of a year that is not a plain weekday: holidays, weekends, adjusted working days,
 * overrides. For a year without data, the administrator's overrides only (so they can be entered).
 */
export async function calendarDays(
  db: Db,
  year: number,
): Promise<{ covered: boolean; days: TCalendarDay[] }> {
  const cal = await loadWorkCalendar(db);
  if (!cal.covers(year)) {
    const rows = await db
      .select()
      .from(calendarOverrides)
      .where(sql`extract(year from ${calendarOverrides.day}) = ${year}`);
    return {
      covered: false,
      days: rows.map((o) => ({
        day: o.day,
        working: o.kind === 'workday',
        reason: 'override',
        name: o.name,
      })),
    };
  }
  const days: TCalendarDay[] = [];
  for (
    let d = new Date(Date.UTC(year, 0, 1));
    d.getUTCFullYear() === year;
    d = new Date(d.getTime() + 86_400_000)
  ) {
    const info = cal.describe(d.toISOString().slice(0, 10));
    if (info.reason !== 'weekday') days.push(info);
  }
  return { covered: true, days };
}

export async function setOverride(
  db: Db,
  actor: Actor,
  day: string,
  kind: 'workday' | 'holiday',
  name: string | null,
) {
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
    throw new AppError('validation_failed', 'Not a date', { field: 'day' });
  const grant = manageGrant(actor);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarOverrides).where(eq(calendarOverrides.day, day));
    await tx
      .insert(calendarOverrides)
      .values({ day, kind, name, updatedBy: actor.personId })
      .onConflictDoUpdate({
        target: calendarOverrides.day,
        set: { kind, name, updatedBy: actor.personId, updatedAt: sql`now()` },
      });
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'calendar.override_set',
      recordType: 'calendar_day',
      recordId: day,
      changes: {
        kind: { before: before?.kind ?? null, after: kind },
        name: { before: before?.name ?? null, after: name },
      },
    });
  });
}

export async function removeOverride(db: Db, actor: Actor, day: string) {
  const grant = manageGrant(actor);
  await db.transaction(async (tx) => {
    const [before] = await tx.delete(calendarOverrides).where(eq(calendarOverrides.day, day)).returning();
    if (!before) throw new AppError('not_found', 'No override on that day');
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'calendar.override_removed',
      recordType: 'calendar_day',
      recordId: day,
      changes: { kind: { before: before.kind, after: null } },
    });
  });
}

/**
 * Declares a year's official arrangement complete (all its holidays and adjusted working days
 * entered as overrides), so that deadlines in that year can be computed.
 */
export async function declareYear(db: Db, actor: Actor, year: number, note: string | null) {
  const grant = manageGrant(actor);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year));
    if (existing) throw new AppError('conflict', `${year} is already declared`);
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(calendarOverrides)
      .where(
        sql`extract(year from ${calendarOverrides.day}) = ${year} and ${calendarOverrides.kind} = 'holiday'`,
      );
    if (n === 0) {
      throw new AppError(
        'validation_failed',
        `Enter ${year}'s public holidays (and adjusted working days) before declaring the year complete`,
      );
    }
    await tx.insert(calendarYears).values({ year, note, declaredBy: actor.personId });
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'calendar.year_declared',
      recordType: 'calendar_year',
      recordId: year,
      details: { note, holidays: n },
    });
  });
}

export async function undeclareYear(db: Db, actor: Actor, year: number) {
  const grant = manageGrant(actor);
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(calendarYears).where(eq(calendarYears.year, year)).returning();
    if (!row) throw new AppError('not_found', `${year} is not declared`);
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'calendar.year_undeclared',
      recordType: 'calendar_year',
      recordId: year,
    });
  });
}
