import type { TAuditEvent } from '@lifeline/shared';
import { type SQL, sql } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.table.js';

/**
 * Categories (the part of an action before its dot) whose events tell that a named person looked
 * after their mental health: self-assessments, consents, shares with a coach, erasures, and
 * consultations. The consent text promises that administrators see no personal result; knowing
 * that someone seeks counselling is exactly what it protects. (Confidential and anonymous
 * hotline filings are written without the reporter at all.) A module with such events adds its
 * category here.
 */
export const SENSITIVE_CATEGORIES = [
  'assessment_result',
  'assessment_consent',
  'assessment_share',
  'assessment_data',
  'consultation',
] as const;

/** The condition "this event is sensitive", in SQL. */
export const sensitiveSql: SQL = sql`split_part(${auditEvents.action}, '.', 1) in (${sql.join(
  SENSITIVE_CATEGORIES.map((c) => sql`${c}`),
  sql`, `,
)})`;

/** Whether an action belongs to a sensitive category. */
export function isSensitive(action: string): boolean {
  return (SENSITIVE_CATEGORIES as readonly string[]).includes(action.split('.')[0]);
}

/** Keys of details and changes that point at a person (the actor's counterpart: a coach, the owner). */
const PERSON_KEY = /person|coach|owner|employee|reporter/i;

/**
 * A sensitive event as seen without identification: what happened and when, never who, to
 * whom, from where or in which unit (a small unit would name its member).
 */
export function maskSensitive(e: TAuditEvent): TAuditEvent {
  const strip = (o: Record<string, unknown> | null) =>
    o ? Object.fromEntries(Object.entries(o).filter(([k]) => !PERSON_KEY.test(k))) : null;
  return {
    ...e,
    actorPersonId: null,
    actorName: null,
    recordId: null,
    unitId: null,
    unitName: null,
    changes: strip(e.changes) as TAuditEvent['changes'],
    details: strip(e.details),
    ip: null,
    requestId: null,
    masked: true,
  };
}
