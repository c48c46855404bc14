import {
  CADRE_RANKS,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  GENDERS,
  POLITICAL_STATUSES,
  POSITIONS,
  type TPeopleQuery,
} from '@lifeline/shared';
import type { Actor } from '../../platform/authz/actor.js';
import type { Db } from '../../platform/db/types.js';
import type { XlsxColumn } from '../../platform/excel/xlsx.js';
import { defineExporter } from '../../platform/exports/exports.service.js';
import { countPeople, type ExportedPerson, peopleWhere, readPeople } from './people.service.js';
import { headerText, optionLabel, ROSTER_COLUMNS } from './people-excel.js';

export type PeopleExportParams = Omit<TPeopleQuery, 'page' | 'pageSize'>;

const labels: Partial<Record<string, (p: ExportedPerson) => string>> = {
  gender: (p) => optionLabel(GENDERS, p.gender),
  politicalStatus: (p) => optionLabel(POLITICAL_STATUSES, p.politicalStatus),
  positions: (p) => p.positions.map((c) => optionLabel(POSITIONS, c)).join('、'),
  cadreRank: (p) => optionLabel(CADRE_RANKS, p.cadreRank),
  education: (p) => optionLabel(EDUCATION_LEVELS, p.education),
  employmentStatus: (p) => optionLabel(EMPLOYMENT_STATUSES, p.employmentStatus),
  unitCode: (p) => p.unitCode,
  idCard: (p) => p.idCardMasked ?? '',
};

/**
 * The roster's columns with labels, not codes, and dates as Excel dates: the import template's
 * columns, so that an exported list can be edited and imported back (ID cards masked, which the
 * import reads as "unchanged").
 */
export const PEOPLE_EXPORT_COLUMNS: XlsxColumn<ExportedPerson>[] = ROSTER_COLUMNS.map((c) => ({
  header: headerText(c),
  width: c.width,
  kind: c.date ? 'date' : 'text',
  value: (p) => labels[c.key]?.(p) ?? (p as unknown as Record<string, string | null>)[c.key] ?? '',
}));

/** The filtered roster as a job: counted, then read by keyset in one pass. */
export const peopleExporter = defineExporter<PeopleExportParams, ExportedPerson>({
  kind: 'people',
  sheetName: '人员名单',
  fileName: () => '人员名单.xlsx',
  count: async (db: Db, actor: Actor, params) =>
    countPeople(db, await peopleWhere(db, actor, params, 'export')),
  columns: async () => PEOPLE_EXPORT_COLUMNS,
  rows: (db, actor, params) =>
    deferred(async () => readPeople(db, await peopleWhere(db, actor, params, 'export'))),
});

/** An async iterable whose source is found asynchronously (here: the list's WHERE). */
async function* deferred<T>(source: () => Promise<AsyncIterable<T>>): AsyncIterable<T> {
  yield* await source();
}
