import type { TPeopleImport } from '@lifeline/shared';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { type Actor as AuditActor, SYSTEM_ACTOR, writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor, authorize, scopePaths } from '../../../platform/authz/actor.js';
import { shanghaiDate } from '../../../platform/calendar/work-calendar.js';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.js';
import { queryOne, queryRows, textArray } from '../../../platform/db/sql.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { FileStore } from '../../../platform/files/file-store.js';
import { FILE_KINDS, getFile, saveFile } from '../../../platform/files/files.service.js';
import { enqueueJob } from '../../../platform/jobs/job-queue.js';
import { orgUnits } from '../../org-units/org-units.table.js';
import { personValues } from '../people.rules.js';
import { personChanges } from '../people.service.js';
import { people, personImportRows, personImports } from '../people.table.js';
import { writeErrorReport } from './error-report.js';
import { readRoster } from './roster-reader.js';
import { type ParsedRow, parseRow, type RowError } from './row-validation.js';

export const VALIDATE_JOB = 'people.import.validate';
export const APPLY_JOB = 'people.import.apply';
const CHUNK = 2000;
const MAX_FILE_BYTES = 50 * 1024 * 1024;

type ImportRow = typeof personImports.$inferSelect;

export function presentImport(r: ImportRow): TPeopleImport {
  return {
    id: r.id,
    state: r.state as TPeopleImport['state'],
    fileName: r.fileName,
    totalRows: r.totalRows,
    validRows: r.validRows,
    invalidRows: r.invalidRows,
    processedRows: r.processedRows,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    mode: r.mode as TPeopleImport['mode'],
    sampleErrors: r.sampleErrors,
    hasErrorReport: r.errorReportFileId !== null,
    failure: r.failure,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
  };
}

/** Loads an import that the actor started (imports are private to whoever uploaded them). */
export async function findImport(db: Db, actor: Actor, id: number): Promise<ImportRow> {
  const [row] = await db.select().from(personImports).where(eq(personImports.id, id));
  if (!row || row.createdBy !== actor.personId) throw notFound('Import');
  return row;
}

/** Stores the uploaded roster and queues its validation. Nothing is written to the roster yet. */
export async function startImport(
  db: Db,
  store: FileStore,
  actor: Actor,
  upload: { bytes: Buffer; fileName: string },
) {
  const scope = scopePaths(actor, 'person.import');
  if (!scope.length) throw new AppError('forbidden', 'You may not import people');
  const file = await saveFile(db, store, {
    bytes: upload.bytes,
    filename: upload.fileName,
    allowed: FILE_KINDS.spreadsheet,
    maxBytes: MAX_FILE_BYTES,
    createdBy: actor.personId,
  });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(personImports)
      .values({
        state: 'validating',
        fileId: file.id,
        fileName: file.originalName,
        unitScopePaths: scope,
        createdBy: actor.personId,
      })
      .returning();
    await enqueueJob(tx, VALIDATE_JOB, { importId: row.id }, { maxAttempts: 1 });
    await writeAudit(tx, auditActor(actor), {
      action: 'person_import.upload',
      recordType: 'person_import',
      recordId: row.id,
      details: { fileName: file.originalName, size: file.size },
    });
    return row;
  });
}

const columnNames = Object.fromEntries(Object.entries(getTableColumns(people)).map(([k, c]) => [k, c.name]));
/** Staged values use the table's column names so that jsonb_populate_record can read them. */
const toColumns = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [columnNames[k] ?? k, v]));

type Existing = typeof people.$inferSelect & { unitPath: string };

/**
 * The validation job: reads the file in chunks, checks every row (formats, rules, unit in
 * scope, duplicates in the file and against the roster), stages what each valid row will do,
 * and writes a per-row error report. Progress is committed after each chunk.
 */
export async function validateImport(
  db: Db,
  store: FileStore,
  crypto: FieldCrypto,
  importId: number,
): Promise<void> {
  const [imp] = await db.select().from(personImports).where(eq(personImports.id, importId));
  if (imp?.state !== 'validating') return;
  const inScope = (path: string) => imp.unitScopePaths.some((p) => path.startsWith(p));
  const units = new Map(
    (
      await db
        .select({
          id: orgUnits.id,
          code: orgUnits.code,
          path: orgUnits.path,
          dissolvedOn: orgUnits.dissolvedOn,
        })
        .from(orgUnits)
    ).map((u) => [u.code, u]),
  );
  const today = shanghaiDate(new Date());
  const errors: RowError[] = [];
  const seenNos = new Map<string, number>();
  const seenIds = new Map<string, number>();
  let total = 0;
  let valid = 0;
  let pending: ParsedRow[] = [];

  const flush = async () => {
    if (!pending.length) return;
    const nos = pending.map((r) => r.input.employeeNo);
    const existing = new Map<string, Existing>(
      (
        await db
          .select({ p: people, unitPath: orgUnits.path })
          .from(people)
          .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
          .where(sql`${people.employeeNo} = any(${textArray(nos)})`)
      ).map((r) => [r.p.employeeNo, { ...r.p, unitPath: r.unitPath }]),
    );
    const staged: (typeof personImportRows.$inferInsert)[] = [];
    const prepared = pending.map((r) => {
      const unit = units.get(r.unitCode);
      const e = (column: string, message: string) => {
        errors.push({ row: r.rowNo, column, message });
        return undefined;
      };
      if (!unit) return e('所属单位编码', `单位编码不存在：${r.unitCode}`);
      if (!inScope(unit.path)) return e('所属单位编码', `单位 ${r.unitCode} 不在您的管理范围内`);
      if (unit.dissolvedOn) return e('所属单位编码', `单位 ${r.unitCode} 已撤销`);
      const current = existing.get(r.input.employeeNo);
      if (current && !inScope(current.unitPath)) return e('工号', '该工号属于您管理范围以外的人员');
      if (r.keepIdCard && !current?.idCardEnc) return e('身份证号', '掩码只能用于保留已登记的身份证号');
      const values = personValues({ ...r.input, unitId: unit.id }, crypto);
      if (r.keepIdCard && current) {
        values.idCardEnc = current.idCardEnc;
        values.idCardHash = current.idCardHash;
        values.idCardMasked = current.idCardMasked;
      }
      if (current && values.idCardHash === current.idCardHash) values.idCardEnc = current.idCardEnc;
      if (values.idCardHash) {
        const other = seenIds.get(values.idCardHash);
        if (other) return e('身份证号', `与第 ${other} 行的身份证号重复`);
        seenIds.set(values.idCardHash, r.rowNo);
      }
      return { r, values, current };
    });
    const hashes = prepared.flatMap((p) => (p?.values.idCardHash ? [p.values.idCardHash] : []));
    const owners = new Map(
      hashes.length
        ? (
            await db
              .select({ hash: people.idCardHash, no: people.employeeNo })
              .from(people)
              .where(sql`${people.idCardHash} = any(${textArray(hashes)})`)
          ).map((o) => [o.hash, o.no])
        : [],
    );
    for (const p of prepared) {
      if (!p) continue;
      const owner = p.values.idCardHash ? owners.get(p.values.idCardHash) : undefined;
      if (owner && owner !== p.values.employeeNo) {
        errors.push({ row: p.r.rowNo, column: '身份证号', message: `该身份证号已登记给工号 ${owner}` });
        continue;
      }
      const changes = personChanges(p.current ?? null, p.values);
      const kind = !p.current ? 'create' : Object.keys(changes).length ? 'update' : 'unchanged';
      staged.push({
        importId,
        rowNo: p.r.rowNo,
        kind,
        personId: p.current?.id ?? null,
        expectedVersion: p.current?.version ?? null,
        values: toColumns(p.values),
        changes: kind === 'unchanged' ? null : changes,
      });
    }
    valid += staged.length;
    await db.transaction(async (tx) => {
      // One JSON parameter per chunk: far cheaper than thousands of bound parameters.
      if (staged.length) {
        await tx.execute(sql`
          insert into person_import_rows (import_id, row_no, kind, person_id, expected_version, values, changes)
          select ${importId}, x.row_no, x.kind, x.person_id, x.expected_version, x.values, x.changes
          from jsonb_to_recordset(${JSON.stringify(
            staged.map((r) => ({
              row_no: r.rowNo,
              kind: r.kind,
              person_id: r.personId,
              expected_version: r.expectedVersion,
              values: r.values,
              changes: r.changes,
            })),
          )}::jsonb) as x(row_no int, kind text, person_id bigint, expected_version int, values jsonb, changes jsonb)`);
      }
      await tx
        .update(personImports)
        .set({ processedRows: total, validRows: valid, invalidRows: total - valid })
        .where(eq(personImports.id, importId));
    });
    pending = [];
  };

  try {
    const file = await getFile(db, imp.fileId);
    const chunks: Buffer[] = [];
    for await (const c of await store.get(file.storageKey)) chunks.push(c as Buffer);
    for await (const raw of readRoster(Buffer.concat(chunks))) {
      total += 1;
      const { row, errors: rowErrors } = parseRow(raw, today);
      if (row) {
        const first = seenNos.get(row.input.employeeNo);
        if (first) errors.push({ row: row.rowNo, column: '工号', message: `与第 ${first} 行的工号重复` });
        else {
          seenNos.set(row.input.employeeNo, row.rowNo);
          pending.push(row);
        }
      } else errors.push(...rowErrors);
      if (pending.length >= CHUNK) await flush();
    }
    await flush();
    if (total === 0) throw new AppError('validation_failed', 'The sheet has no data rows');
  } catch (err) {
    await markFailed(
      db,
      importId,
      err instanceof AppError ? err.message : 'The file could not be read as an .xlsx roster',
      SYSTEM_ACTOR,
    );
    if (err instanceof AppError) return;
    throw err;
  }
  const invalidRows = new Set(errors.map((e) => e.row)).size;
  const report = errors.length ? await writeErrorReport(db, store, imp, errors) : null;
  await db
    .update(personImports)
    .set({
      state: invalidRows ? 'invalid' : 'validated',
      totalRows: total,
      processedRows: total,
      validRows: total - invalidRows,
      invalidRows,
      sampleErrors: errors.sort((a, b) => a.row - b.row).slice(0, 50),
      errorReportFileId: report,
    })
    .where(eq(personImports.id, importId));
}

/** Confirms an import: all rows (only when none failed) or only the valid ones. Applied by a job. */
export async function commitImport(db: Db, actor: Actor, id: number, mode: 'all' | 'valid_only') {
  return db.transaction(async (tx) => {
    const imp = await findImport(tx, actor, id);
    if (imp.state !== 'validated' && imp.state !== 'invalid') {
      throw new AppError(
        'invalid_transition',
        `The import is ${imp.state}; only a validated import can be confirmed`,
      );
    }
    if (imp.state === 'invalid' && mode === 'all') {
      throw new AppError(
        'conflict',
        `${imp.invalidRows} rows have errors: fix them, or import only the valid rows`,
        {
          invalidRows: imp.invalidRows,
        },
      );
    }
    if (imp.validRows === 0) throw new AppError('conflict', 'No row is valid; nothing to import');
    const [row] = await tx
      .update(personImports)
      .set({ state: 'importing', mode })
      .where(and(eq(personImports.id, id), eq(personImports.state, imp.state)))
      .returning();
    if (!row) throw new AppError('conflict', 'The import was confirmed twice');
    const grant = authorize(actor, 'person.import', imp.unitScopePaths[0], 'Import');
    await enqueueJob(tx, APPLY_JOB, { importId: id, actor: auditActor(actor, grant) }, { maxAttempts: 1 });
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'person_import.confirm',
      recordType: 'person_import',
      recordId: id,
      details: { mode, validRows: imp.validRows, invalidRows: imp.invalidRows },
    });
    return row;
  });
}

/**
 * The apply job: one transaction creates and updates every staged person with set-based SQL,
 * writes one audit event per changed person and a summary. If anyone changed one of these
 * people since validation, nothing is written and the import fails with a clear reason.
 */
export async function applyImport(db: Db, importId: number, actor: AuditActor): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      const stale = await queryOne<{ n: number }>(
        tx,
        sql`select count(*)::int as n from person_import_rows r join people p on p.id = r.person_id
            where r.import_id = ${importId} and r.kind = 'update' and p.version <> r.expected_version`,
      );
      if (stale && stale.n > 0) {
        throw new AppError(
          'conflict',
          `${stale.n} people were changed by someone else after validation; upload the file again`,
        );
      }
      const cols = Object.values(columnNames).filter(
        (c) => !['id', 'created_at', 'updated_at', 'version'].includes(c),
      );
      const list = sql.raw(cols.map((c) => `"${c}"`).join(', '));
      const fromRecord = sql.raw(cols.map((c) => `x."${c}"`).join(', '));
      const created = await queryRows<{ id: string }>(
        tx,
        sql`insert into people (${list})
            select ${fromRecord} from person_import_rows r, jsonb_populate_record(null::people, r.values) x
            where r.import_id = ${importId} and r.kind = 'create' order by r.row_no returning id`,
      );
      const sets = sql.raw(cols.map((c) => `"${c}" = x."${c}"`).join(', '));
      const updated = await queryRows<{ id: string }>(
        tx,
        sql`update people p set ${sets}, version = p.version + 1, updated_at = now()
            from person_import_rows r, jsonb_populate_record(null::people, r.values) x
            where r.import_id = ${importId} and r.kind = 'update' and p.id = r.person_id returning p.id`,
      );
      await tx.execute(sql`
        insert into audit_events (actor_person_id, actor_role, actor_unit_id, action, record_type, record_id, unit_id, changes, details, ip, request_id)
        select ${actor.personId}, ${actor.role ?? null}, ${actor.unitId ?? null},
               case r.kind when 'create' then 'person.create' else 'person.update' end,
               'person', p.id::text, p.unit_id, r.changes, jsonb_build_object('importId', ${importId}::bigint, 'row', r.row_no),
               ${actor.ip ?? null}, ${actor.requestId ?? null}
        from person_import_rows r join people p on p.employee_no = r.values->>'employee_no'
        where r.import_id = ${importId} and r.kind <> 'unchanged'`);
      const unchanged = await queryOne<{ n: number }>(
        tx,
        sql`select count(*)::int as n from person_import_rows where import_id = ${importId} and kind = 'unchanged'`,
      );
      await tx.delete(personImportRows).where(eq(personImportRows.importId, importId));
      await tx
        .update(personImports)
        .set({
          state: 'done',
          created: created.length,
          updated: updated.length,
          unchanged: unchanged?.n ?? 0,
          finishedAt: sql`now()`,
        })
        .where(eq(personImports.id, importId));
      await writeAudit(tx, actor, {
        action: 'person_import.apply',
        recordType: 'person_import',
        recordId: importId,
        details: { created: created.length, updated: updated.length, unchanged: unchanged?.n ?? 0 },
      });
    });
  } catch (err) {
    await markFailed(
      db,
      importId,
      err instanceof AppError ? err.message : 'The import failed; nothing was changed',
      actor,
    );
    if (!(err instanceof AppError)) throw err;
  }
}

/** Ends an import as failed: its staged rows go, the reason stays, and the trail records it. */
async function markFailed(db: Db, importId: number, failure: string, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(personImportRows).where(eq(personImportRows.importId, importId));
    await tx
      .update(personImports)
      .set({ state: 'failed', failure, finishedAt: sql`now()` })
      .where(eq(personImports.id, importId));
    await writeAudit(tx, actor, {
      action: 'person_import.failed',
      recordType: 'person_import',
      recordId: importId,
      details: { failure },
    });
  });
}
