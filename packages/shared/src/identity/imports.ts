import { z } from 'zod';

/** Roster import: upload → validate (job) → review → commit (job) → done. */
export const IMPORT_STATES = ['validating', 'validated', 'invalid', 'importing', 'done', 'failed'] as const;
export const ZImportState = z.enum(IMPORT_STATES);

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
  hasErrorReport: z.boolean(),
  failure: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TPeopleImport = z.infer<typeof ZPeopleImport>;

export const ZImportCommit = z.object({ mode: z.enum(['all', 'valid_only']) });
