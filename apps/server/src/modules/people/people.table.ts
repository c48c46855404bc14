import type { TImportColumnNote } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { idColumn, NOW, refColumn, timestamps, tsColumn, versionColumn } from '../../platform/db/columns.js';
import { orgUnits } from '../org-units/org-units.table.js';

/**
 * The roster. The ID-card number is stored only encrypted (`id_card_enc`), with a keyed hash for
 * uniqueness and look-up and a mask for display. Names carry pinyin keys for sorting and search
 * (PGlite has no ICU collation, so Chinese is never sorted by collation).
 */
export const people = pgTable(
  'people',
  {
    id: idColumn(),
    employeeNo: text('employee_no').notNull(),
    name: text('name').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    gender: text('gender').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    idCardEnc: text('id_card_enc'),
    idCardHash: text('id_card_hash'),
    idCardMasked: text('id_card_masked'),
    phone: text('phone'),
    unitId: refColumn('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    politicalStatus: text('political_status').notNull(),
    partyJoinedOn: date('party_joined_on', { mode: 'string' }),
    partyFullMemberOn: date('party_full_member_on', { mode: 'string' }),
    positions: text('positions').array().notNull().default(sql`'{}'::text[]`),
    cadreRank: text('cadre_rank'),
    education: text('education'),
    employmentStatus: text('employment_status').notNull(),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    uniqueIndex('people_employee_no_idx').on(t.employeeNo),
    uniqueIndex('people_id_card_hash_idx').on(t.idCardHash),
    index('people_unit_pinyin_idx').on(t.unitId, t.namePinyin, t.id),
    index('people_pinyin_idx').on(t.namePinyin, t.id),
    index('people_pinyin_prefix_idx').using('btree', t.namePinyin.op('text_pattern_ops')),
    index('people_initials_prefix_idx').using('btree', t.nameInitials.op('text_pattern_ops')),
    index('people_phone_idx').on(t.phone),
    // A phone number is a login name: one person on the roster (in post or retired) holds it.
    // Keep the statuses in step with PHONE_HOLDER_STATUSES in people.rules.ts.
    uniqueIndex('people_phone_holder_idx')
      .on(t.phone)
      .where(sql`${t.employmentStatus} in ('active', 'retired')`),
  ],
);

/**
 * A roster import in progress or done: its state, counts, the notes on the sheet's columns
 * and the error report. Listed to its uploader, newest first.
 */
export const personImports = pgTable(
  'person_imports',
  {
    id: idColumn(),
    state: text('state').notNull(),
    fileId: text('file_id').notNull(),
    fileName: text('file_name').notNull(),
    unitScopePaths: text('unit_scope_paths').array().notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    invalidRows: integer('invalid_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    mode: text('mode'),
    sampleErrors: jsonb('sample_errors')
      .$type<{ row: number; column: string; message: string }[]>()
      .notNull()
      .default([]),
    columnNotes: jsonb('column_notes').$type<TImportColumnNote[]>().notNull().default([]),
    /**
     * A full roster: the units the file's rows name, how many people in post there are not
     * in the file (the preview, counted at validation), what the importer chose to mark them
     * (resigned, transferred_out, or nothing) and how many were marked.
     */
    fileUnitIds: bigint('file_unit_ids', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    missingPeople: integer('missing_people').notNull().default(0),
    missingAs: text('missing_as'),
    marked: integer('marked').notNull().default(0),
    errorReportFileId: text('error_report_file_id'),
    failure: text('failure'),
    createdBy: refColumn('created_by').notNull(),
    createdAt: tsColumn('created_at').notNull().default(NOW),
    finishedAt: tsColumn('finished_at'),
  },
  (t) => [index('person_imports_created_by_idx').on(t.createdBy, t.id)],
);

/**
 * Validated rows of an import waiting to be applied: what each row will do (create, update,
 * unchanged), the values, and the changes for the audit trail. Applying them is one short
 * set-based transaction; the rows are deleted once applied.
 */
export const personImportRows = pgTable(
  'person_import_rows',
  {
    importId: refColumn('import_id')
      .notNull()
      .references(() => personImports.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    kind: text('kind').notNull(),
    personId: refColumn('person_id'),
    expectedVersion: integer('expected_version'),
    values: jsonb('values').$type<Record<string, unknown>>().notNull(),
    changes: jsonb('changes').$type<Record<string, { before: unknown; after: unknown }>>(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNo] })],
);
