import type { TExportJob } from '@lifeline/shared';
import type { ExportRow } from '../../platform/exports/exports.service.js';

/** An export as its owner sees it: progress and, once done, the download link. */
export function presentExport(row: ExportRow): TExportJob {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state as TExportJob['state'],
    total: row.total,
    done: row.done,
    fileName: row.fileName,
    downloadUrl: row.state === 'done' && row.fileId ? `/api/exports/${row.id}/file` : null,
    errorCode: row.errorCode,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    expiresAt: row.expiresAt,
  };
}
