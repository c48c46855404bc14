import { z } from 'zod';

/**
 * A spreadsheet export that runs as a job: queued, then running with progress (`done` of
 * `total` rows), then done (download at `/api/exports/{id}/file`) or failed.
 */
export const ZExportJob = z.object({
  id: z.number(),
  kind: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.number().nullable(),
  done: z.number(),
  fileName: z.string(),
  /** Set when done: where to download the file. */
  downloadUrl: z.string().nullable(),
  errorCode: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string(),
});
export type TExportJob = z.infer<typeof ZExportJob>;
