import { PassThrough } from 'node:stream';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Actor } from '../authz/actor.js';
import type { Db } from '../db/types.js';
import { notFound } from '../errors.js';
import { writeXlsx, type XlsxColumn } from '../excel/xlsx.js';
import type { FileStore } from '../files/file-store.js';
import { storedFiles } from '../files/files.table.js';
import { saveGeneratedFile } from '../files/generated-file.js';
import { enqueueJob } from '../jobs/job-queue.js';
import type { JobHandler } from '../jobs/job-worker.js';
import { exportJobs } from './exports.table.js';

export const EXPORT_JOB = 'export.run';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** How long a finished export waits for its download. */
const KEEP_HOURS = 24;

/**
 * A spreadsheet a module lets people export as a job. The module's route authorizes the request
 * and validates `params`; the job then reads with the same actor's grants, in one pass.
 */
export type Exporter<P, R> = {
  kind: string;
  sheetName: string;
  fileName(params: P): string;
  /** The number of rows, for the progress bar (a count, not a read). */
  count(db: Db, actor: Actor, params: P): Promise<number>;
  columns(db: Db, actor: Actor, params: P): Promise<XlsxColumn<R>[]>;
  rows(db: Db, actor: Actor, params: P): AsyncIterable<R[]>;
};

// biome-ignore lint/suspicious/noExplicitAny: the registry holds exporters of any params and rows
const exporters = new Map<string, Exporter<any, any>>();

/** Registers an exporter under its kind (a module does this once, at load). */
export function defineExporter<P, R>(exporter: Exporter<P, R>): Exporter<P, R> {
  exporters.set(exporter.kind, exporter);
  return exporter;
}

export type ExportRow = typeof exportJobs.$inferSelect;

/** What the job keeps of the actor: who they are and their grants, never their session. */
type ActorSnapshot = Omit<Actor, 'sessionId' | 'ip' | 'requestId'>;

function snapshot(actor: Actor): ActorSnapshot {
  const { sessionId: _s, ip: _i, requestId: _r, ...rest } = actor;
  return rest;
}

/**
 * Queues an export for the actor (already authorized by the caller) and returns its row.
 * The job runs with the grants the actor holds now.
 */
export async function startExport<P extends Record<string, unknown>, R>(
  db: Db,
  actor: Actor,
  exporter: Exporter<P, R>,
  params: P,
): Promise<ExportRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(exportJobs)
      .values({
        kind: exporter.kind,
        params,
        requestedBy: actor.personId,
        fileName: exporter.fileName(params),
        expiresAt: sql`now() + make_interval(hours => ${KEEP_HOURS})`,
      })
      .returning();
    await enqueueJob(tx, EXPORT_JOB, { exportId: row.id, actor: snapshot(actor) }, { maxAttempts: 1 });
    return row;
  });
}

/** One of my exports, or 404 (another person's export does not exist for me, nor an expired one). */
export async function findMyExport(db: Db, actor: Actor, id: number): Promise<ExportRow> {
  const [row] = await db
    .select()
    .from(exportJobs)
    .where(
      and(
        eq(exportJobs.id, id),
        eq(exportJobs.requestedBy, actor.personId),
        sql`${exportJobs.expiresAt} > now()`,
      ),
    );
  if (!row) throw notFound('Export');
  return row;
}

/** The export job (failures are marked on the export and rethrown for the worker's log): counts, writes the workbook batch by batch with progress, and stores it. */
export function exportJobHandlers(store: () => FileStore): Record<string, JobHandler> {
  const run: JobHandler = async (job, ctx) => {
    const db = ctx.db;
    const exportId = Number(job.payload.exportId);
    const actor: Actor = {
      ...(job.payload.actor as ActorSnapshot),
      sessionId: '',
      ip: null,
      requestId: null,
    };
    await removeExpired(db, store());
    const [row] = await db.select().from(exportJobs).where(eq(exportJobs.id, exportId));
    if (row?.state !== 'queued') return;
    const exporter = exporters.get(row.kind);
    try {
      if (!exporter) throw new Error(`No exporter of kind ${row.kind}`);
      const total = await exporter.count(db, actor, row.params);
      await db.update(exportJobs).set({ state: 'running', total }).where(eq(exportJobs.id, exportId));
      const stream = new PassThrough();
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      const ended = new Promise<void>((resolve, reject) => {
        stream.on('end', resolve);
        stream.on('error', reject);
      });
      const columns = await exporter.columns(db, actor, row.params);
      await writeXlsx(stream, exporter.sheetName, columns, exporter.rows(db, actor, row.params), (done) =>
        db
          .update(exportJobs)
          .set({ done })
          .where(eq(exportJobs.id, exportId))
          .then(() => undefined),
      );
      await ended;
      const file = await saveGeneratedFile(db, store(), {
        bytes: Buffer.concat(chunks),
        filename: row.fileName,
        mime: XLSX,
        createdBy: actor.personId,
      });
      await db
        .update(exportJobs)
        .set({ state: 'done', fileId: file.id, finishedAt: sql`now()` })
        .where(eq(exportJobs.id, exportId));
    } catch (err) {
      await db
        .update(exportJobs)
        .set({ state: 'failed', errorCode: 'export_failed', finishedAt: sql`now()` })
        .where(eq(exportJobs.id, exportId));
      throw err; // the worker logs it; the export is not tried again (maxAttempts 1)
    }
  };
  return { [EXPORT_JOB]: run };
}

/** Deletes expired exports and their files. */
async function removeExpired(db: Db, store: FileStore): Promise<void> {
  const gone = await db
    .delete(exportJobs)
    .where(lt(exportJobs.expiresAt, sql`now()`))
    .returning({ fileId: exportJobs.fileId });
  for (const { fileId } of gone) {
    if (!fileId) continue;
    const [file] = await db.delete(storedFiles).where(eq(storedFiles.id, fileId)).returning();
    if (file) await store.delete(file.storageKey);
  }
}
