import { GAD7 } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../../platform/db/sql.js';
import { buildUnit, type Client, loginAs, type Unit } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { eraseExpired } from './results/erasure.js';

/**
 * The privacy spine of the wellbeing module, through the HTTP API: consent before storing,
 * encrypted rows, reading by the owner and by coaches with a share only (404 for everyone else,
 * whatever their role), erasure, retention.
 */
let t: TestApp;
let root: Unit;
let unit: Unit;
let employee: Client;
let other: Client;
let coach: Client;
let coach2: Client;
const admins: Record<string, Client> = {};
const db = () => t.app.lifeline.database.db;

const SAS_SEVERE = [4, 4, 4, 4, 1, 4, 4, 4, 1, 4, 4, 4, 1, 4, 4, 4, 1, 4, 1, 4];
const SAS_NORMAL = Array.from({ length: 20 }, (_, i) => ([5, 9, 13, 17, 19].includes(i + 1) ? 4 : 1));

async function activateCoach(c: Client) {
  const res = await c.request('PUT', '/api/counselling/profile', {
    kind: 'coach',
    specialities: ['情绪疏导'],
    languages: ['中文'],
    bio: '',
    active: true,
    version: 0,
  });
  expect(res.statusCode, res.body).toBe(200);
}

const consent = (c: Client, instrument: string) =>
  c.request('POST', '/api/assessments/consents', { instrument, textVersion: 'c1', accept: true });
const store = (c: Client, instrument: string, answers: number[]) =>
  c.request('POST', '/api/assessments/results', { instrument, answers });

beforeAll(async () => {
  t = await buildTestApp();
  root = await buildUnit(db());
  unit = await buildUnit(db(), root);
  employee = await loginAs(t.app, unit);
  other = await loginAs(t.app, unit);
  coach = await loginAs(t.app, root, [['coach', root]]);
  coach2 = await loginAs(t.app, root, [['volunteer', root]]);
  await activateCoach(coach);
  await activateCoach(coach2);
  for (const role of ['sysadmin', 'unit_admin', 'branch_secretary', 'secretariat', 'leader'] as const) {
    admins[role] = await loginAs(t.app, root, [[role, root]]);
  }
});
afterAll(() => t.close());

describe('consent before storing', () => {
  it('refuses to store without consent (409 consent_required) while the self-check still answers', async () => {
    const refused = await store(employee, 'sas', SAS_NORMAL);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('consent_required');
    const check = await employee.request('POST', '/api/assessments/score', {
      instrument: 'sas',
      answers: SAS_NORMAL,
    });
    expect(check.statusCode).toBe(200);
    expect(
      (await queryOne<{ n: number }>(db(), sql`select count(*)::int as n from assessment_results`))!.n,
    ).toBe(0);
  });

  it('records a consent to the current wording only, per instrument', async () => {
    const stale = await employee.request('POST', '/api/assessments/consents', {
      instrument: 'sas',
      textVersion: 'c0',
      accept: true,
    });
    expect(stale.statusCode).toBe(400);
    const notAccepted = await employee.request('POST', '/api/assessments/consents', {
      instrument: 'sas',
      textVersion: 'c1',
      accept: false,
    });
    expect(notAccepted.statusCode).toBe(400);
    expect((await consent(employee, 'sas')).statusCode).toBe(200);
    const statuses = (await employee.request('GET', '/api/assessments/consents')).json();
    expect(statuses.find((s: { instrument: string }) => s.instrument === 'sas')).toMatchObject({
      granted: true,
    });
    expect(statuses.find((s: { instrument: string }) => s.instrument === 'phq9')).toMatchObject({
      granted: false,
    });
    // Consent to SAS is not consent to PHQ-9.
    expect((await store(employee, 'phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0])).statusCode).toBe(409);
  });

  it('stores with consent, scores like the self-check, and flags the care path on a severe band', async () => {
    const res = await store(employee, 'sas', SAS_SEVERE);
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(out.care).toBe(true);
    expect(out.result).toMatchObject({
      instrument: 'sas',
      answers: SAS_SEVERE,
      result: { band: 'severe', instrumentVersion: '1.0', normVersion: 'cn-1' },
    });
    // The care path is shown to the employee; nobody is told anything without their action.
    const told = await queryRows(db(), sql`select kind from notifications`);
    expect(told).toEqual([]);
    const calm = (await store(employee, 'sas', SAS_NORMAL)).json();
    expect(calm.care).toBe(false);
    expect(calm.result.result.band).toBe('normal');
  });
});

describe('storage', () => {
  it('keeps no readable answer or band in the database row, nor in the audit trail', async () => {
    const rows = await queryRows<Record<string, unknown>>(db(), sql`select * from assessment_results`);
    expect(rows.length).toBe(2);
    for (const row of rows) {
      expect(String(row.payload)).toMatch(/^enc:v1:/);
      const text = JSON.stringify(row);
      for (const word of ['severe', 'normal', 'band', 'answers', '"raw"', 'standard'])
        expect(text).not.toContain(word);
    }
    const audit = JSON.stringify(
      await queryRows(db(), sql`select * from audit_events where record_type like 'assessment%'`),
    );
    expect(audit).not.toMatch(/severe|normal|"band"|answers/);
    // Not even which scale a person keeps: that alone is health data.
    expect(audit).not.toMatch(/"(sas|sds|phq9|gad7)"/);
  });

  it('binds each payload to its owner: copied into another person’s row it does not decrypt', async () => {
    const [row] = await queryRows<{ id: string; payload: string }>(
      db(),
      sql`select id, payload from assessment_results order by id limit 1`,
    );
    const crypto = t.app.lifeline.crypto;
    expect(() => crypto.decrypt(row.payload, `assessment_result:${other.person.id}`)).toThrow();
    expect(
      JSON.parse(crypto.decrypt(row.payload, `assessment_result:${employee.person.id}`)).result.band,
    ).toBe('severe');
  });
});

describe('who reads a result', () => {
  let resultId: number;
  let laterId: number;
  beforeAll(async () => {
    const mine = (await employee.request('GET', '/api/assessments/results?instrument=sas')).json();
    laterId = mine[0].id;
    resultId = mine[1].id;
  });

  it('the employee reads their own results, newest first', async () => {
    const res = await employee.request('GET', `/api/assessments/results/${resultId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json().result.band).toBe('severe');
  });

  it('another employee, a coach without a share, and every administrative role get 404 and an empty list', async () => {
    for (const c of [other, coach, ...Object.values(admins)]) {
      expect((await c.request('GET', `/api/assessments/results/${resultId}`)).statusCode).toBe(404);
      expect((await c.request('DELETE', `/api/assessments/results/${resultId}`)).statusCode).toBe(404);
      expect((await c.request('GET', '/api/assessments/results')).json()).toEqual([]);
    }
    expect((await coach.request('GET', '/api/counselling/shared')).json()).toEqual([]);
  });

  it('a coach with a share of one result reads that result only, until it is revoked', async () => {
    const share = await employee.request('POST', '/api/assessments/shares', {
      coachPersonId: coach.person.id,
      scope: 'result',
      resultId,
    });
    expect(share.statusCode, share.body).toBe(201);
    expect((await coach.request('GET', `/api/assessments/results/${resultId}`)).statusCode).toBe(200);
    expect((await coach.request('GET', `/api/assessments/results/${laterId}`)).statusCode).toBe(404);
    expect((await coach2.request('GET', `/api/assessments/results/${resultId}`)).statusCode).toBe(404);
    const shared = (await coach.request('GET', '/api/counselling/shared')).json();
    expect(shared).toHaveLength(1);
    expect(shared[0].owner.personId).toBe(employee.person.id);
    expect(shared[0].results.map((r: { id: number }) => r.id)).toEqual([resultId]);
    // The coach is told, without content.
    const bell = await queryRows<{ params: unknown }>(
      db(),
      sql`select params from notifications where person_id = ${coach.person.id} and kind = 'assessments.shared'`,
    );
    expect(JSON.stringify(bell)).not.toMatch(/severe|sas/);
    // Twice is a conflict; someone else's result cannot be shared.
    expect(
      (
        await employee.request('POST', '/api/assessments/shares', {
          coachPersonId: coach.person.id,
          scope: 'result',
          resultId,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await other.request('POST', '/api/assessments/shares', {
          coachPersonId: coach.person.id,
          scope: 'result',
          resultId,
        })
      ).statusCode,
    ).toBe(404);
    // Only the owner revokes.
    expect((await coach.request('DELETE', `/api/assessments/shares/${share.json().id}`)).statusCode).toBe(
      404,
    );
    expect((await employee.request('DELETE', `/api/assessments/shares/${share.json().id}`)).statusCode).toBe(
      204,
    );
    expect((await coach.request('GET', `/api/assessments/results/${resultId}`)).statusCode).toBe(404);
  });

  it('a history share shows every result, present and later; a coach who loses the role sees nothing', async () => {
    const share = await employee.request('POST', '/api/assessments/shares', {
      coachPersonId: coach2.person.id,
      scope: 'history',
    });
    expect(share.statusCode).toBe(201);
    expect((await coach2.request('GET', `/api/assessments/results/${resultId}`)).statusCode).toBe(200);
    expect((await coach2.request('GET', `/api/assessments/results/${laterId}`)).statusCode).toBe(200);
    expect((await coach2.request('GET', '/api/counselling/shared')).json()[0].results).toHaveLength(2);
    // Sharing with someone who is not a listed coach is refused.
    const refused = await employee.request('POST', '/api/assessments/shares', {
      coachPersonId: admins.leader.person.id,
      scope: 'history',
    });
    expect(refused.statusCode).toBe(400);
    await t.app.lifeline.database.db.execute(
      sql`update role_assignments set ends_on = '2020-01-01' where person_id = ${coach2.person.id}`,
    );
    expect((await coach2.request('GET', `/api/assessments/results/${resultId}`)).statusCode).toBe(404);
    await t.app.lifeline.database.db.execute(
      sql`update role_assignments set ends_on = null where person_id = ${coach2.person.id}`,
    );
  });

  it('exports and aggregates carry no individual: a leader sees counts of groups of ten or more only', async () => {
    const q = `unitId=${root.id}&instrument=sas&year=${new Date().getFullYear()}`;
    const agg = await admins.leader.request('GET', `/api/assessments/aggregates?${q}`);
    expect(agg.statusCode).toBe(200);
    expect(agg.json().total).toMatchObject({ suppressed: 'small_group', participants: null, counts: null });
    const file = await admins.leader.request('GET', `/api/assessments/aggregates/export?${q}`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const cells = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(cells).not.toContain(employee.person.name);
    expect(cells).toContain('不足10人');
    // The people roster export does not carry results either.
    expect(JSON.stringify(await queryRows(db(), sql`select * from audit_events`))).not.toMatch(
      /"band"|severe/,
    );
  });
});

describe('erasure', () => {
  it('withdrawing consent erases that instrument’s results and their shares for good, with an audit row without content', async () => {
    expect((await consent(employee, 'gad7')).statusCode).toBe(200);
    expect((await store(employee, 'gad7', [3, 3, 3, 3, 3, 3, 3])).statusCode).toBe(201);
    const res = await employee.request('DELETE', '/api/assessments/consents/sas');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ resultsErased: 2, sharesRevoked: 0 });
    const left = await queryRows<{ instrument_code: string }>(
      db(),
      sql`select instrument_code from assessment_results where person_id = ${employee.person.id}`,
    );
    expect(left.map((r) => r.instrument_code)).toEqual(['gad7']);
    const [event] = await queryRows<{ details: Record<string, unknown> }>(
      db(),
      sql`select details from audit_events where action = 'assessment_consent.withdraw' order by id desc limit 1`,
    );
    expect(event.details).toEqual({ resultsErased: 2, sharesRevoked: 0 });
    expect((await store(employee, 'sas', SAS_NORMAL)).statusCode).toBe(409);
    expect((await employee.request('DELETE', '/api/assessments/consents/sas')).statusCode).toBe(404);
  });

  it('"delete my data" erases every result and share and withdraws every consent', async () => {
    const res = await employee.request('DELETE', '/api/assessments/my-data');
    expect(res.json()).toEqual({ resultsErased: 1, sharesRevoked: 1 });
    const n = await queryOne<{ r: number; s: number; c: number }>(
      db(),
      sql`select (select count(*)::int from assessment_results where person_id = ${employee.person.id}) as r,
                 (select count(*)::int from assessment_shares where person_id = ${employee.person.id}) as s,
                 (select count(*)::int from assessment_consents where person_id = ${employee.person.id} and withdrawn_at is null) as c`,
    );
    expect(n).toEqual({ r: 0, s: 0, c: 0 });
    expect((await employee.request('GET', '/api/assessments/results')).json()).toEqual([]);
  });

  it('the retention job erases results older than the setting, and only those', async () => {
    expect((await consent(other, 'gad7')).statusCode).toBe(200);
    const old = (await store(other, 'gad7', [1, 1, 1, 1, 1, 1, 1])).json().result.id;
    const fresh = (await store(other, 'gad7', [0, 0, 0, 0, 0, 0, 0])).json().result.id;
    await db().execute(
      sql`update assessment_results set taken_at = now() - interval '800 days' where id = ${old}`,
    );
    expect(await eraseExpired(db(), 730)).toBe(1);
    const ids = (await other.request('GET', '/api/assessments/results'))
      .json()
      .map((r: { id: number }) => r.id);
    expect(ids).toEqual([fresh]);
  });
});

describe('settings and scales', () => {
  it('the self-check is for members until an administrator opens it to everyone', async () => {
    const anon = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/assessments/score',
        headers: { origin: 'http://localhost:80' },
        payload: { instrument: 'gad7', answers: [0, 0, 0, 0, 0, 0, 0] },
      });
    expect((await anon()).statusCode).toBe(401);
    const s = (await admins.sysadmin.request('GET', '/api/assessments/settings')).json();
    const put = await admins.sysadmin.request('PUT', '/api/assessments/settings', {
      openToEveryone: true,
      retentionDays: s.retentionDays,
      help: {
        message: { zh: '请拨打', en: 'Call' },
        contacts: [{ name: '心理援助热线', phone: '12356', hours: '24h' }],
      },
      version: s.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await anon()).statusCode).toBe(200);
    // A stale version is a conflict; a unit administrator may not change them.
    const stale = await admins.sysadmin.request('PUT', '/api/assessments/settings', {
      ...(put.json() as Record<string, unknown>),
      version: s.version,
    });
    expect(stale.statusCode).toBe(409);
    expect((await admins.unit_admin.request('PUT', '/api/assessments/settings', put.json())).statusCode).toBe(
      403,
    );
  });

  it('validates an uploaded scale, names each problem, and offers it once valid', async () => {
    const broken = { ...GAD7, code: 'work_stress', version: '1', reverseItems: [99], options: [] };
    const bad = await admins.sysadmin.request('POST', '/api/assessments/scales', broken);
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.options']));
    expect(
      (await admins.sysadmin.request('POST', '/api/assessments/scales', { ...GAD7, version: '9' }))
        .statusCode,
    ).toBe(400);
    const ok = await admins.sysadmin.request('POST', '/api/assessments/scales', {
      ...GAD7,
      code: 'work_stress',
      version: '1',
      name: { zh: '工作压力自评（测试）', en: 'Work stress (test)' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const codes = (await employee.request('GET', '/api/assessments/instruments'))
      .json()
      .map((d: { code: string }) => d.code);
    expect(codes).toContain('work_stress');
    expect((await consent(employee, 'work_stress')).statusCode).toBe(200);
    expect((await store(employee, 'work_stress', [1, 1, 1, 1, 1, 1, 1])).statusCode).toBe(201);
    // A new version retires the old one; the stored result keeps its version and name.
    const v2 = await admins.sysadmin.request('POST', '/api/assessments/scales', {
      ...GAD7,
      code: 'work_stress',
      version: '2',
      name: { zh: '工作压力自评（第二版）', en: 'Work stress v2' },
    });
    expect(v2.statusCode).toBe(201);
    const list = (await admins.sysadmin.request('GET', '/api/assessments/scales')).json();
    expect(
      list.map((s: { version: string; status: string; storedResults: number }) => [
        s.version,
        s.status,
        s.storedResults,
      ]),
    ).toEqual([
      ['2', 'active', 0],
      ['1', 'retired', 1],
    ]);
    const mine = (await employee.request('GET', '/api/assessments/results?instrument=work_stress')).json();
    expect(mine[0].result.instrumentVersion).toBe('1');
    expect(
      (await admins.sysadmin.request('POST', `/api/assessments/scales/${v2.json().id}/retire`)).statusCode,
    ).toBe(200);
    expect(
      (
        await employee.request('POST', '/api/assessments/score', {
          instrument: 'work_stress',
          answers: [1, 1, 1, 1, 1, 1, 1],
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('aggregates through the API', () => {
  it('shows a subtree of ten or more, hides the small unit and its complement, and stays hidden when asked for directly', async () => {
    const top = await buildUnit(db());
    const big = await buildUnit(db(), top);
    const small = await buildUnit(db(), top);
    const leader = await loginAs(t.app, top, [['leader', top]]);
    const take = async (u: Unit, n: number, answers: number[]) => {
      for (let i = 0; i < n; i++) {
        const c = await loginAs(t.app, u);
        await consent(c, 'sas');
        expect((await store(c, 'sas', answers)).statusCode).toBe(201);
      }
    };
    await take(big, 10, SAS_NORMAL);
    await take(big, 2, SAS_SEVERE);
    await take(small, 4, SAS_NORMAL);
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const get = (u: Unit) =>
      leader.request('GET', `/api/assessments/aggregates?unitId=${u.id}&instrument=sas&year=${year}`);
    const res = await get(top);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toMatchObject({
      participants: 16,
      counts: { normal: 14, severe: 2 },
      suppressed: null,
    });
    expect(
      body.rows.map((r: { unitId: number; suppressed: string | null }) => [r.unitId, r.suppressed]),
    ).toEqual([
      [null, 'small_group'],
      [big.id, 'complementary'],
      [small.id, 'small_group'],
    ]);
    expect((await get(big)).json().total).toMatchObject({ participants: null, suppressed: 'complementary' });
    // Outside the leader's subtree: 404, as for a unit that does not exist.
    expect(
      (
        await leader.request(
          'GET',
          `/api/assessments/aggregates?unitId=${root.id}&instrument=sas&year=${year}`,
        )
      ).statusCode,
    ).toBe(404);
  });
});

describe('the Zung rounding rule as a versioned setting', () => {
  it('scores SDS raw 42 as 52 (normal) by the integer part, and as 53 (mild) under "round", naming the version', async () => {
    // Raw 42: the ten forward items answered 3 (30), eight reverse items 4 (8) and two reverse items 3 (4).
    const reverse = [2, 5, 6, 11, 12, 14, 16, 17, 18, 20];
    const answers = Array.from({ length: 20 }, (_, i) => (reverse.includes(i + 1) ? (i < 5 ? 3 : 4) : 3));
    const check = async () =>
      (await employee.request('POST', '/api/assessments/score', { instrument: 'sds', answers })).json();
    expect(await check()).toMatchObject({ raw: 42, standard: 52, band: 'normal', instrumentVersion: '1.0' });
    const put = async (zungRounding: 'floor' | 'round') => {
      const s = (await admins.sysadmin.request('GET', '/api/assessments/settings')).json();
      const res = await admins.sysadmin.request('PUT', '/api/assessments/settings', {
        ...s,
        zungRounding,
        updatedAt: undefined,
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await put('round');
    expect(await check()).toMatchObject({
      raw: 42,
      standard: 53,
      band: 'mild',
      instrumentVersion: '1.0-round',
    });
    await put('floor');
    expect(await check()).toMatchObject({ standard: 52, instrumentVersion: '1.0' });
  });
});
