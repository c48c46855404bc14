import type { TImportColumnNote, TPeopleImport, TPersonInput } from '@lifeline/shared';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { type Actor as AuditActor, MASK, SYSTEM_ACTOR, writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../../platform/authz/actor.js';
import { shanghaiDate } from '../../../platform/calendar/work-calendar.js';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.js';
import { queryOne, textArray } from '../../../platform/db/sql.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { FileStore } from '../../../platform/files/file-store.js';
import { FILE_KINDS, getFile, saveFile } from '../../../platform/files/files.service.js';
import { enqueueJob } from '../../../platform/jobs/job-queue.js';
import { orgUnits } from '../../org-units/index.js';
import { personImportPolicy, personPolicy } from '../people.policy.js';
import { idCardIndexes, personValues } from '../people.rules.js';
import { AUDITED, personChanges } from '../people.service.js';
import { people, personImportRows, personImports } from '../people.table.js';
import { holdsPhone, isPhoneClash, phoneHolders } from '../phone-holders.js';
import { isIgnored, writeErrorReport } from './error-report.js';
import { countMissing, markMissing } from './missing-people.js';
import { readRoster } from './roster-reader.js';
import { type ParsedRow, parseRow, type RowError, withStoredValues } from './row-validation.js';
import { unitResolver } from './unit-resolver.js';

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
    columnNotes: r.columnNotes,
    hasErrorReport: r.errorReportFileId !== null,
    fileUnits: r.fileUnitIds.length,
    missingPeople: r.missingPeople,
    missingAs: r.missingAs as TPeopleImport['missingAs'],
    marked: r.marked,
    failure: r.failure,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
  };
}

/** Loads an import that the actor started (imports are private to whoever uploaded them). */
export async function findImport(db: Db, actor: Actor, id: number): Promise<ImportRow> {
  const [row] = await db.select().from(personImports).where(eq(personImports.id, id));
  if (!row) throw notFound('Import');
  personImportPolicy.authorize(actor, 'read', row);
  return row;
}

/** Stores the uploaded roster and queues its validation. Nothing is written to the roster yet. */
export async function startImport(
  db: Db,
  store: FileStore,
  actor: Actor,
  upload: { bytes: Buffer; fileName: string },
) {
  personImportPolicy.authorize(actor, 'start', { createdBy: actor.personId, unitScopePaths: [] });
  const scope = personPolicy.scopePaths(actor, 'import');
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

/**
 * The columns an import writes, and the short key of each in the staged values (c0, c1, …):
 * the staged JSON is what validation sends to the database and the apply step reads, and its
 * length is most of their cost (the embedded engine copies it character by character).
 * Nulls are left out (a missing key reads as null).
 */
const STAGED = Object.entries(getTableColumns(people))
  .filter(([, c]) => !['id', 'created_at', 'updated_at', 'version'].includes(c.name))
  .map(([key, c], i) => ({ key, name: c.name, type: c.getSQLType(), short: `c${i}` }));
const shortKey = (column: keyof typeof people.$inferSelect) => STAGED.find((c) => c.key === column)!.short;
const toStaged = (values: Record<string, unknown>) => {
  const out: Record<string, unknown> = {};
  for (const c of STAGED) {
    const v = values[c.key];
    if (v !== null && v !== undefined) out[c.short] = v;
  }
  return out;
};
/** The staged values of r as a record of the people columns' types (x.c0, x.c1, …). */
const STAGED_RECORD = sql.raw(
  `jsonb_to_record(r.values) as x(${STAGED.map((c) => `${c.short} ${c.type}`).join(', ')})`,
);
const EMPLOYEE_NO_KEY = shortKey('employeeNo');
/** Where staged values keep the ID card's ciphertext and blind index (for key rotation). */
export const STAGED_ID_CARD = { enc: shortKey('idCardEnc'), hash: shortKey('idCardHash') };
const EMPLOYEE_NO = sql.raw(`r.values ->> '${EMPLOYEE_NO_KEY}'`);

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
  const today = shanghaiDate(new Date());
  const unitOf = await unitResolver(db, imp.unitScopePaths, today);
  const errors: RowError[] = [];
  const notes: TImportColumnNote[] = [];
  const seenNos = new Map<string, number>();
  const seenIds = new Map<string, number>();
  const seenPhones = new Map<string, number>();
  let total = 0;
  let valid = 0;
  let missingPeople = 0;
  let pending: ParsedRow[] = [];
  // The units the rows name, and the employee numbers of rows with errors (staged as `seen`):
  // what a full roster's "not in the file" is counted against.
  const fileUnits = new Set<number>();
  let seen: [number, string][] = [];

  const flush = async () => {
    if (!pending.length && !seen.length) return;
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
    // Staged rows as JSON arrays: [row_no, kind, person_id, expected_version, values, changes].
    const staged: unknown[][] = [];
    const prepared = pending.map((r) => {
      const e = (column: string, message: string) => {
        errors.push({ row: r.rowNo, column, message });
        return undefined;
      };
      const match = unitOf(r.unitCode);
      if (!match.unit) return e('所属单位编码', match.error);
      const unit = match.unit;
      fileUnits.add(unit.id);
      const current = existing.get(r.input.employeeNo);
      if (current && !inScope(current.unitPath)) return e('工号', '该工号属于您管理范围以外的人员');
      if (r.keepIdCard && !current?.idCardEnc) return e('身份证号', '掩码只能用于保留已登记的身份证号');
      // Columns the sheet does not have keep the person's stored values.
      const merged = withStoredValues(r, current, today);
      if (merged.errors.length) {
        errors.push(...merged.errors);
        return undefined;
      }
      // An unchanged ID card keeps its stored ciphertext (it is not encrypted again).
      const input = merged.input as TPersonInput;
      input.unitId = unit.id;
      const values = personValues(input, crypto, current);
      if (merged.keepIdCard && current) {
        values.idCardEnc = current.idCardEnc;
        values.idCardHash = current.idCardHash;
        values.idCardMasked = current.idCardMasked;
        // The birth date of a kept ID card is the stored one (the card holds it).
        values.birthDate ??= current.birthDate;
      }
      if (values.idCardHash) {
        const other = seenIds.get(values.idCardHash);
        if (other) return e('身份证号', `与第 ${other} 行的身份证号重复`);
        seenIds.set(values.idCardHash, r.rowNo);
      }
      if (values.phone && holdsPhone(values.employmentStatus)) {
        const other = seenPhones.get(values.phone);
        if (other) return e('手机号', `与第 ${other} 行的手机号重复`);
        seenPhones.set(values.phone, r.rowNo);
      }
      return { r, values, current };
    });
    // Who holds each phone number on the roster: a row may keep its own person's, no one else's.
    const held = await phoneHolders(
      db,
      prepared.flatMap((p) =>
        p?.values.phone && holdsPhone(p.values.employmentStatus) ? [p.values.phone] : [],
      ),
    );
    // Who holds each ID card that is new to its row's person (a person keeping theirs is fine),
    // found by its blind index under the current secret or a previous one (a holder stored
    // before a key rotation that `rotate-keys` has not re-keyed yet).
    const asCurrent = new Map<string, string>();
    for (const p of prepared) {
      if (!p?.values.idCardHash || p.values.idCardHash === p.current?.idCardHash) continue;
      for (const h of idCardIndexes(crypto, p.r.input.idCard)) asCurrent.set(h, p.values.idCardHash);
      asCurrent.set(p.values.idCardHash, p.values.idCardHash);
    }
    const hashes = [...asCurrent.keys()];
    const owners = new Map(
      hashes.length
        ? (
            await db
              .select({ hash: people.idCardHash, no: people.employeeNo, unitPath: orgUnits.path })
              .from(people)
              .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
              .where(sql`${people.idCardHash} = any(${textArray(hashes)})`)
          ).map((o) => [asCurrent.get(o.hash as string) ?? o.hash, o])
        : [],
    );
    for (const p of prepared) {
      if (!p) continue;
      const owner = p.values.idCardHash ? owners.get(p.values.idCardHash) : undefined;
      if (owner && owner.no !== p.values.employeeNo) {
        // Name the holder only to an importer who may see them: another subsidiary's 工号 is
        // not the importer's business.
        const message = inScope(owner.unitPath)
          ? `该身份证号已登记给工号 ${owner.no}`
          : '该身份证号已登记给您管理范围以外的人员';
        errors.push({ row: p.r.rowNo, column: '身份证号', message });
        continue;
      }
      const holder = p.values.phone ? held.get(p.values.phone) : undefined;
      if (holder !== undefined && holder !== p.values.employeeNo) {
        // Whose it is stays unsaid, as with a person out of the importer's scope.
        errors.push({ row: p.r.rowNo, column: '手机号', message: '该手机号已被使用' });
        continue;
      }
      // What the apply step needs: the values of a person to create (its audit changes are
      // derived from them there), the values and audit changes of a person to update, only
      // the number of an unchanged person.
      const changes = p.current ? personChanges(p.current, p.values) : null;
      const kind = !changes ? 'create' : Object.keys(changes).length ? 'update' : 'unchanged';
      staged.push([
        p.r.rowNo,
        kind,
        p.current?.id ?? null,
        p.current?.version ?? null,
        kind === 'unchanged' ? { [EMPLOYEE_NO_KEY]: p.values.employeeNo } : toStaged(p.values),
        kind === 'update' ? changes : null,
      ]);
    }
    valid += staged.length;
    const stagedRows = new Set(staged.map((x) => x[0] as number));
    for (const r of pending) if (!stagedRows.has(r.rowNo)) seen.push([r.rowNo, r.input.employeeNo]);
    for (const [rowNo, no] of seen) staged.push([rowNo, 'seen', null, null, { [EMPLOYEE_NO_KEY]: no }, null]);
    seen = [];
    await db.transaction(async (tx) => {
      // One JSON parameter per chunk: far cheaper than thousands of bound parameters. Its
      // length is most of the cost of staging, hence arrays, short keys and no nulls.
      if (staged.length) {
        await tx.execute(sql`
          insert into person_import_rows (import_id, row_no, kind, person_id, expected_version, values, changes)
          select ${importId}, (x ->> 0)::int, x ->> 1, (x ->> 2)::bigint, (x ->> 3)::int, x -> 4, nullif(x -> 5, 'null'::jsonb)
          from jsonb_array_elements(${JSON.stringify(staged)}::jsonb) x`);
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
    for await (const raw of readRoster(Buffer.concat(chunks), notes)) {
      total += 1;
      const { row, errors: rowErrors } = parseRow(raw, today);
      if (row) {
        const first = seenNos.get(row.input.employeeNo);
        if (first) errors.push({ row: row.rowNo, column: '工号', message: `与第 ${first} 行的工号重复` });
        else {
          seenNos.set(row.input.employeeNo, row.rowNo);
          pending.push(row);
        }
      } else {
        errors.push(...rowErrors);
        const no = raw.cells.get('employeeNo');
        if (no) seen.push([raw.rowNo, no]);
      }
      if (pending.length + seen.length >= CHUNK) await flush();
    }
    await flush();
    if (total === 0) throw new AppError('validation_failed', 'The sheet has no data rows');
    missingPeople = await countMissing(db, importId, [...fileUnits], EMPLOYEE_NO_KEY);
  } catch (err) {
    await markFailed(
      db,
      importId,
      err instanceof AppError ? err.message : 'The file could not be read as an .xlsx roster',
      SYSTEM_ACTOR,
      notes,
    );
    if (err instanceof AppError) return;
    throw err;
  }
  const invalidRows = new Set(errors.map((e) => e.row)).size;
  const report =
    errors.length || notes.some(isIgnored) ? await writeErrorReport(db, store, imp, errors, notes) : null;
  await db
    .update(personImports)
    .set({
      state: invalidRows ? 'invalid' : 'validated',
      totalRows: total,
      processedRows: total,
      fileUnitIds: [...fileUnits],
      missingPeople,
      validRows: total - invalidRows,
      invalidRows,
      sampleErrors: errors.sort((a, b) => a.row - b.row).slice(0, 50),
      columnNotes: notes,
      errorReportFileId: report,
    })
    .where(eq(personImports.id, importId));
}

/**
 * Confirms an import: all rows (only when none failed) or only the valid ones; for a full
 * roster, also what to mark the people in post its units leave out. Applied by a job.
 */
export async function commitImport(
  db: Db,
  actor: Actor,
  id: number,
  mode: 'all' | 'valid_only',
  missingAs?: NonNullable<TPeopleImport['missingAs']>,
) {
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
      .set({ state: 'importing', mode, missingAs: imp.missingPeople > 0 ? (missingAs ?? null) : null })
      .where(and(eq(personImports.id, id), eq(personImports.state, imp.state)))
      .returning();
    if (!row) throw new AppError('conflict', 'The import was confirmed twice');
    const grant = personImportPolicy.authorize(actor, 'commit', imp);
    await enqueueJob(tx, APPLY_JOB, { importId: id, actor: auditActor(actor, grant) }, { maxAttempts: 1 });
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'person_import.confirm',
      recordType: 'person_import',
      recordId: id,
      details: {
        mode,
        validRows: imp.validRows,
        invalidRows: imp.invalidRows,
        ...(missingAs && imp.missingPeople > 0 ? { missingAs, missingPeople: imp.missingPeople } : {}),
      },
    });
    return row;
  });
}

/**
 * The audit changes of a created person, from its staged values (r.values), as
 * `personChanges(null, values)` makes them: each audited field that has a value, from null;
 * the ID card only as masked. Built as text (concat_ws leaves out the nulls) and read once.
 */
const CREATE_CHANGES = sql.raw(
  `('{' || concat_ws(',', ${AUDITED.map((f) => {
    const key = f === 'idCardHash' ? 'idCard' : f;
    const value =
      f === 'idCardHash'
        ? `case when r.values ? '${shortKey(f)}' then '"${MASK}"' end`
        : `(r.values -> '${shortKey(f)}')::text`;
    return `'"${key}":{"before":null,"after":' || ${value} || '}'`;
  }).join(', ')}) || '}')::jsonb`,
);

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
      // Enough memory to order a large import's rows without spilling them to disk.
      await tx.execute(sql`set local work_mem = '64MB'`);
      // A full roster: the people in post its units leave out, marked before the file's rows
      // are written (the same people the preview counted, unless the roster changed since).
      const [imp] = await tx.select().from(personImports).where(eq(personImports.id, importId));
      let marked = 0;
      if (imp?.missingAs) {
        marked = await markMissing(tx, importId, imp.fileUnitIds, EMPLOYEE_NO_KEY, imp.missingAs, actor);
        if (marked !== imp.missingPeople) {
          throw new AppError(
            'conflict',
            `${imp.missingPeople} people in post were missing from the file when it was checked, ${marked} now; upload the file again`,
          );
        }
      }
      const list = sql.raw(STAGED.map((c) => `"${c.name}"`).join(', '));
      const fromRecord = sql.raw(STAGED.map((c) => `x.${c.short}`).join(', '));
      const created = await queryOne<{ n: number }>(
        tx,
        sql`with created as (
              insert into people (${list})
              select ${fromRecord} from person_import_rows r, ${STAGED_RECORD}
              where r.import_id = ${importId} and r.kind = 'create' order by r.row_no
              returning 1
            )
            select count(*)::int as n from created`,
      );
      const sets = sql.raw(STAGED.map((c) => `"${c.name}" = x.${c.short}`).join(', '));
      const updated = await queryOne<{ n: number }>(
        tx,
        sql`with updated as (
              update people p set ${sets}, version = p.version + 1, updated_at = now()
              from person_import_rows r, ${STAGED_RECORD}
              where r.import_id = ${importId} and r.kind = 'update' and p.id = r.person_id
              returning 1
            )
            select count(*)::int as n from updated`,
      );
      await tx.execute(sql`
        insert into audit_events (actor_person_id, actor_role, actor_unit_id, action, record_type, record_id, unit_id, changes, details, ip, request_id)
        select ${actor.personId}, ${actor.role ?? null}, ${actor.unitId ?? null},
               case r.kind when 'create' then 'person.create' else 'person.update' end,
               'person', p.id::text, p.unit_id, case r.kind when 'create' then ${CREATE_CHANGES} else r.changes end, jsonb_build_object('importId', ${importId}::bigint, 'row', r.row_no),
               ${actor.ip ?? null}, ${actor.requestId ?? null}
        from person_import_rows r join people p on p.employee_no = ${EMPLOYEE_NO}
        where r.import_id = ${importId} and r.kind in ('create', 'update')`);
      const unchanged = await queryOne<{ n: number }>(
        tx,
        sql`select count(*)::int as n from person_import_rows where import_id = ${importId} and kind = 'unchanged'`,
      );
      const counts = {
        created: created?.n ?? 0,
        updated: updated?.n ?? 0,
        unchanged: unchanged?.n ?? 0,
        marked,
      };
      await tx.delete(personImportRows).where(eq(personImportRows.importId, importId));
      await tx
        .update(personImports)
        .set({ state: 'done', ...counts, finishedAt: sql`now()` })
        .where(eq(personImports.id, importId));
      await writeAudit(tx, actor, {
        action: 'person_import.apply',
        recordType: 'person_import',
        recordId: importId,
        details: counts,
      });
    });
  } catch (err) {
    // A phone number that someone took after validation: the database refused the second holder.
    const known = isPhoneClash(err)
      ? new AppError(
          'conflict',
          'A phone number in the file is now in use by someone else; upload the file again',
        )
      : err;
    await markFailed(
      db,
      importId,
      known instanceof AppError ? known.message : 'The import failed; nothing was changed',
      actor,
    );
    if (!(known instanceof AppError)) throw known;
  }
}

/**
 * Ends an import as failed: its staged rows go, the reason stays (with the notes on the sheet's
 * columns when the file was being read), and the trail records it.
 */
async function markFailed(
  db: Db,
  importId: number,
  failure: string,
  actor: AuditActor,
  columnNotes?: TImportColumnNote[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(personImportRows).where(eq(personImportRows.importId, importId));
    await tx
      .update(personImports)
      .set({ state: 'failed', failure, finishedAt: sql`now()`, ...(columnNotes ? { columnNotes } : {}) })
      .where(eq(personImports.id, importId));
    await writeAudit(tx, actor, {
      action: 'person_import.failed',
      recordType: 'person_import',
      recordId: importId,
      details: { failure },
    });
  });
}
