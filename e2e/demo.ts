import type { TOrgUnitTreeNode, TPersonSummary } from '@lifeline/shared';
import ExcelJS from 'exceljs';
import { type APIRequestContext, request } from 'playwright-core';

/** The password of every demo account (`LIFELINE_SEED_DEMO=true`); none must change it. */
export const DEMO_PASSWORD = 'Lifeline@2026';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The roster template's columns, in order: the import reads exactly these headers. */
export const ROSTER_HEADERS = [
  '工号*',
  '姓名*',
  '性别*',
  '出生日期',
  '身份证号',
  '手机号',
  '所属单位编码*',
  '政治面貌*',
  '入党日期',
  '转正日期',
  '职务',
  '干部级别',
  '学历',
  '人员状态*',
] as const;

/** One roster row by header; columns left out stay empty. */
export type RosterRow = Partial<Record<(typeof ROSTER_HEADERS)[number], string>>;

/** A roster .xlsx as a user would fill in the template: text cells under the template's headers. */
export async function rosterXlsx(rows: RosterRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('人员名单');
  sheet.addRow([...ROSTER_HEADERS]);
  for (const row of rows) sheet.addRow(ROSTER_HEADERS.map((h) => row[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The header row of the first sheet of an .xlsx file. */
export async function xlsxHeaders(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const values = wb.worksheets[0].getRow(1).values as unknown[];
  return values.slice(1).map(String);
}

const contexts: APIRequestContext[] = [];

/**
 * An API client logged in as a demo user, for setting up what a journey needs (an account to
 * log in with) and for checking what a journey did. It sends Origin as a browser would.
 */
export async function apiAs(
  baseURL: string,
  login: string,
  password = DEMO_PASSWORD,
): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  contexts.push(api);
  const res = await api.post('/api/auth/login', { data: { login, password } });
  if (res.status() !== 200) throw new Error(`login as ${login} failed: ${res.status()} ${await res.text()}`);
  return api;
}

/** Disposes every API client made by apiAs. Call it in afterAll. */
export async function disposeApis(): Promise<void> {
  await Promise.all(contexts.splice(0).map((c) => c.dispose()));
}

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** People whose name, pinyin or employee number matches. */
export async function findPeople(api: APIRequestContext, q: string): Promise<TPersonSummary[]> {
  return (await json<{ items: TPersonSummary[] }>(await api.get(`/api/people?q=${encodeURIComponent(q)}`)))
    .items;
}

/** The unit with this code in the caller's tree. */
export async function unitByCode(api: APIRequestContext, code: string): Promise<TOrgUnitTreeNode> {
  const units = await json<TOrgUnitTreeNode[]>(await api.get('/api/org-units/tree'));
  const unit = units.find((u) => u.code === code);
  if (!unit) throw new Error(`no unit ${code}`);
  return unit;
}

/**
 * Gives a demo person (by employee number) an account with an initial password, as an
 * administrator would; they must change it at their first login.
 */
export async function openAccount(
  admin: APIRequestContext,
  employeeNo: string,
  password: string,
): Promise<void> {
  const [person] = (await findPeople(admin, employeeNo)).filter((p) => p.employeeNo === employeeNo);
  if (!person) throw new Error(`no person ${employeeNo}`);
  await json(await admin.post(`/api/people/${person.id}/account`, { data: { initialPassword: password } }));
}
