import { z } from 'zod';

/** Roster import: upload → validate (job) → review → commit (job) → done. */
export const IMPORT_STATES = ['validating', 'validated', 'invalid', 'importing', 'done', 'failed'] as const;
export const ZImportState = z.enum(IMPORT_STATES);

/**
 * How a column of the uploaded sheet was taken: read under another name than the template's
 * (`alias`: 身份证号码 for 身份证号), or ignored — a name not recognised (`unknown`), a second
 * column for a field already read (`duplicate`), data under no name (`unnamed`). Ignored
 * columns are the report's warnings: their values were not imported.
 */
export const IMPORT_COLUMN_NOTE_REASONS = ['alias', 'unknown', 'duplicate', 'unnamed'] as const;
export const ZImportColumnNote = z.object({
  /** The header as written in the file (for `unnamed`, the column's letter: L). */
  header: z.string(),
  reason: z.enum(IMPORT_COLUMN_NOTE_REASONS),
  /** The template column it was read as (`alias`) or that another column already gave (`duplicate`). */
  column: z.string().nullable(),
});
export type TImportColumnNote = z.infer<typeof ZImportColumnNote>;

/**
 * What a full-roster import does to the people in post in the file's units who are not in the
 * file: nothing (the default), or marks them as having left or been transferred out.
 */
export const IMPORT_MISSING_AS = ['resigned', 'transferred_out'] as const;

export const ZPeopleImport = z.object({
  id: z.number(),
  state: ZImportState,
  fileName: z.string(),
  totalRows: z.number(),
  validRows: z.number(),
  invalidRows: z.number(),
  processedRows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  mode: z.enum(['all', 'valid_only']).nullable(),
  /** First errors, for showing at once; the whole report is the .xlsx download. */
  sampleErrors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  /** The sheet's columns that were ignored or read under another name. */
  columnNotes: z.array(ZImportColumnNote),
  hasErrorReport: z.boolean(),
  /** How many units the file's rows name (a full roster covers these units). */
  fileUnits: z.number(),
  /** People in post in those units who are not in the file (counted when the file was checked). */
  missingPeople: z.number(),
  /** What the confirmation chose for them, and how many were marked. */
  missingAs: z.enum(IMPORT_MISSING_AS).nullable(),
  marked: z.number(),
  failure: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TPeopleImport = z.infer<typeof ZPeopleImport>;

/** One of my imports in the list of my imports: the import without its sample errors. */
export const ZPeopleImportSummary = ZPeopleImport.omit({ sampleErrors: true });
export type TPeopleImportSummary = z.infer<typeof ZPeopleImportSummary>;

/** `GET /api/people/imports`: the caller's own imports, newest first. */
export const ZPeopleImportQuery = z.object({
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

/**
 * Confirming an import: all rows or only the valid ones; and, for a full roster, whether the
 * people in post in the file's units who are not in it are marked as left or transferred out.
 */
export const ZImportCommit = z.object({
  mode: z.enum(['all', 'valid_only']),
  missingAs: z.enum(IMPORT_MISSING_AS).optional(),
});
