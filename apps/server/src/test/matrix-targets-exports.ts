import type { Person, Unit } from './factories.js';
import type { Target } from './matrix-targets.js';
import type { TestApp } from './test-app.js';

type Make = (t: TestApp, unit: Unit, caller: Person) => Promise<Target>;

/** A finished export of the person's, with its file: what the owner-only routes serve. */
async function exportOf(t: TestApp, person: Person): Promise<number> {
  const { exportJobs } = await import('../platform/exports/exports.table.js');
  const { saveGeneratedFile } = await import('../platform/files/generated-file.js');
  const db = t.app.lifeline.database.db;
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('人员名单').addRow(['matrix']);
  const file = await saveGeneratedFile(db, t.app.lifeline.files, {
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
    filename: 'matrix.xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    createdBy: person.id,
  });
  const [row] = await db
    .insert(exportJobs)
    .values({
      kind: 'people',
      requestedBy: person.id,
      state: 'done',
      total: 0,
      fileId: file.id,
      fileName: 'matrix.xlsx',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    })
    .returning();
  return row.id;
}

/**
 * Exports: a module's route starts one within the caller's scope (here the roster's, proven by
 * the unit filter); from then on it is the caller's alone, and another person's id answers 404.
 */
export const exportTargets: Record<string, Make> = {
  'POST /api/people/exports': async (_t, unit) => ({
    url: '/api/people/exports',
    payload: { unitId: unit.id },
  }),
  'GET /api/exports/:id': async (t, _unit, caller) => ({
    url: `/api/exports/${await exportOf(t, caller)}`,
    owner: true,
  }),
  'GET /api/exports/:id/file': async (t, _unit, caller) => ({
    url: `/api/exports/${await exportOf(t, caller)}/file`,
    owner: true,
  }),
};
