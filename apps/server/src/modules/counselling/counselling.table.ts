import { boolean, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, NOW, refColumn, timestamps, tsColumn, versionColumn } from '../../platform/db/columns.js';
import { storedFiles } from '../../platform/files/files.table.js';
import { people } from '../people/people.table.js';

/** A happiness coach's or volunteer's profile and weekly availability (Beijing time). */
export const coachProfiles = pgTable('coach_profiles', {
  personId: refColumn('person_id')
    .primaryKey()
    .references(() => people.id),
  kind: text('kind').notNull(),
  specialities: jsonb('specialities').$type<string[]>().notNull(),
  languages: jsonb('languages').$type<string[]>().notNull(),
  bio: text('bio').notNull().default(''),
  active: boolean('active').notNull().default(true),
  photoFileId: uuid('photo_file_id').references(() => storedFiles.id),
  availability: jsonb('availability').$type<{ weekday: number; start: string; end: string }[]>().notNull(),
  ...timestamps(),
  version: versionColumn(),
});

/**
 * A consultation request (一键式咨询). The employee's words (`message_enc`: message and preferred
 * times) are field-encrypted; state, coach and booking are plain, for the inbox.
 */
export const consultations = pgTable(
  'consultations',
  {
    id: idColumn(),
    employeePersonId: refColumn('employee_person_id')
      .notNull()
      .references(() => people.id),
    coachPersonId: refColumn('coach_person_id').references(() => people.id),
    state: text('state').notNull(),
    messageEnc: text('message_enc').notNull(),
    contact: text('contact').notNull(),
    bookedFor: tsColumn('booked_for'),
    place: text('place').notNull().default(''),
    reason: text('reason').notNull().default(''),
    closedAt: tsColumn('closed_at'),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    index('consultations_employee_idx').on(t.employeePersonId, t.id),
    index('consultations_coach_idx').on(t.coachPersonId, t.state),
    index('consultations_state_idx').on(t.state, t.id),
  ],
);

/** A coach's follow-up note on a case: encrypted, readable by that coach only. */
export const consultationNotes = pgTable(
  'consultation_notes',
  {
    id: idColumn(),
    consultationId: refColumn('consultation_id')
      .notNull()
      .references(() => consultations.id),
    coachPersonId: refColumn('coach_person_id')
      .notNull()
      .references(() => people.id),
    bodyEnc: text('body_enc').notNull(),
    createdAt: tsColumn('created_at').notNull().default(NOW),
  },
  (t) => [index('consultation_notes_case_idx').on(t.consultationId, t.coachPersonId)],
);
