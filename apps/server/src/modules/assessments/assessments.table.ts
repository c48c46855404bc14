import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, NOW, refColumn, tsColumn } from '../../platform/db/columns.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { people } from '../people/people.table.js';

/**
 * Scales administrators added in the definition format. A new version of a scale is a new row;
 * a retired row stays, because stored results name the version they were scored with.
 */
export const assessmentScales = pgTable(
  'assessment_scales',
  {
    id: idColumn(),
    code: text('code').notNull(),
    version: text('version').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('active'),
    uploadedBy: refColumn('uploaded_by').references(() => people.id),
    uploadedAt: tsColumn('uploaded_at').notNull().default(NOW),
  },
  (t) => [
    uniqueIndex('assessment_scales_code_version_idx').on(t.code, t.version),
    uniqueIndex('assessment_scales_active_code_idx').on(t.code).where(sql`${t.status} = 'active'`),
  ],
);

/**
 * Separate consent per instrument (PIPL art. 29): given to a worded version, withdrawn with a
 * time. Rows are kept as the record of consent; they hold nothing about results.
 */
export const assessmentConsents = pgTable(
  'assessment_consents',
  {
    id: idColumn(),
    personId: refColumn('person_id')
      .notNull()
      .references(() => people.id),
    instrumentCode: text('instrument_code').notNull(),
    textVersion: text('text_version').notNull(),
    grantedAt: tsColumn('granted_at').notNull().default(NOW),
    withdrawnAt: tsColumn('withdrawn_at'),
  },
  (t) => [
    uniqueIndex('assessment_consents_open_idx')
      .on(t.personId, t.instrumentCode)
      .where(sql`${t.withdrawnAt} is null`),
  ],
);

/**
 * A stored result. `payload` is the field-encrypted JSON of the answers and the score (band
 * included): the row itself says only who took which instrument when, with which versions.
 * `unit_id` is the person's unit when they took it, for the aggregates.
 */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    id: idColumn(),
    personId: refColumn('person_id')
      .notNull()
      .references(() => people.id),
    unitId: refColumn('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    instrumentCode: text('instrument_code').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    normVersion: text('norm_version'),
    payload: text('payload').notNull(),
    takenAt: tsColumn('taken_at').notNull().default(NOW),
  },
  (t) => [
    index('assessment_results_person_idx').on(t.personId, t.instrumentCode, t.takenAt),
    index('assessment_results_taken_idx').on(t.instrumentCode, t.takenAt),
  ],
);

/** A result, or a person's whole history, shared with a coach until revoked. */
export const assessmentShares = pgTable(
  'assessment_shares',
  {
    id: idColumn(),
    personId: refColumn('person_id')
      .notNull()
      .references(() => people.id),
    coachPersonId: refColumn('coach_person_id')
      .notNull()
      .references(() => people.id),
    scope: text('scope').notNull(),
    resultId: refColumn('result_id').references(() => assessmentResults.id, { onDelete: 'cascade' }),
    createdAt: tsColumn('created_at').notNull().default(NOW),
  },
  (t) => [
    index('assessment_shares_person_idx').on(t.personId),
    index('assessment_shares_coach_idx').on(t.coachPersonId),
  ],
);
