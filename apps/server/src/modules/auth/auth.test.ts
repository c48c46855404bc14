import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/audit.table.js';
import {
  buildAccount,
  buildPerson,
  buildUnit,
  ORIGIN,
  TEST_PASSWORD,
  type Unit,
} from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { sessions } from './auth.table.js';
import { SESSION_COOKIE } from './sessions.js';

let t: TestApp;
let root: Unit;
beforeAll(async () => {
  t = await buildTestApp();
  root = await buildUnit(t.app.lifeline.database.db);
});
afterAll(() => t.close());

const db = () => t.app.lifeline.database.db;
let ipSeq = 0;
/** Each test logs in from its own address so that address throttling stays out of the way. */
const freshIp = () => `10.0.0.${++ipSeq}`;

function login(loginName: string, password: string, ip = freshIp()) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin: ORIGIN },
    remoteAddress: ip,
    payload: { login: loginName, password },
  });
}

function cookieOf(res: { cookies: { name: string; value: string }[] }) {
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  return c ? `${SESSION_COOKIE}=${c.value}` : '';
}

async function person(phone?: string, mustChangePassword = false) {
  const p = await buildPerson(db(), t.app.lifeline.crypto, root, phone ? { phone } : {});
  await buildAccount(db(), p, { mustChangePassword });
  return p;
}

describe('login', () => {
  it('logs in with the employee number or the phone and sets an httpOnly, SameSite=Lax cookie', async () => {
    const p = await person('13800000001');
    const byNo = await login(p.employeeNo, TEST_PASSWORD);
    expect(byNo.statusCode).toBe(200);
    expect(byNo.json().person).toMatchObject({ id: p.id, name: p.name });
    const cookie = byNo.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const byPhone = await login('13800000001', TEST_PASSWORD);
    expect(byPhone.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieOf(byPhone) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().person.employeeNo).toBe(p.employeeNo);
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const p = await person();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://localhost:80', 'x-forwarded-proto': 'https' },
      payload: { login: p.employeeNo, password: TEST_PASSWORD },
    });
    // Without trustProxy the forwarded header is ignored, so the request is plain HTTP and refused cross-origin.
    expect(res.statusCode).toBe(403);
    const secureApp = await buildTestApp({ trustProxy: true });
    try {
      const unit = await buildUnit(secureApp.app.lifeline.database.db);
      const q = await buildPerson(secureApp.app.lifeline.database.db, secureApp.app.lifeline.crypto, unit);
      await buildAccount(secureApp.app.lifeline.database.db, q);
      const ok = await secureApp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: 'https://localhost', 'x-forwarded-proto': 'https', host: 'localhost' },
        payload: { login: q.employeeNo, password: TEST_PASSWORD },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
    } finally {
      await secureApp.close();
    }
  });

  it('answers a wrong password and an unknown login alike, and audits the failure', async () => {
    const p = await person();
    const wrong = await login(p.employeeNo, 'not-the-password');
    const unknown = await login('NOBODY-123', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('unauthenticated');
    const failures = await db().select().from(auditEvents).where(eq(auditEvents.action, 'auth.login_failed'));
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it('locks a login for 15 minutes after 5 failures, even for the right password, and does not reveal existence', async () => {
    const p = await person();
    for (let i = 0; i < 5; i += 1) expect((await login(p.employeeNo, 'wrong-password')).statusCode).toBe(401);
    const locked = await login(p.employeeNo, TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // An unknown login behaves the same way.
    for (let i = 0; i < 5; i += 1) await login('GHOST-1', 'wrong-password');
    expect((await login('GHOST-1', 'whatever')).statusCode).toBe(423);
    // After the lock runs out (moved into the past here), the right password works again.
    await db().execute(
      sql`update login_throttle set locked_until = now() - interval '1 second' where key like 'account:%'`,
    );
    expect((await login(p.employeeNo, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('slows an address that fails too often with 429 and Retry-After', async () => {
    const ip = '10.9.9.9';
    let last = await login('X1', 'nope', ip);
    for (let i = 0; i < 25 && last.statusCode !== 429; i += 1) last = await login(`X${i + 2}`, 'nope', ip);
    expect(last.statusCode).toBe(429);
    expect(last.json().error.code).toBe('rate_limited');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses a mutation without a matching Origin (CSRF)', async () => {
    const p = await person();
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: p.employeeNo, password: TEST_PASSWORD },
    });
    expect(none.statusCode).toBe(403);
    const evil = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { login: p.employeeNo, password: TEST_PASSWORD },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('forbidden');
  });
});

describe('sessions', () => {
  it('answers 401 without a session and after logout', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const p = await person();
    const cookie = cookieOf(await login(p.employeeNo, TEST_PASSWORD));
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: ORIGIN },
    });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('expires a session after 12 idle hours and at its absolute expiry', async () => {
    const p = await person();
    const idle = cookieOf(await login(p.employeeNo, TEST_PASSWORD));
    const absolute = cookieOf(await login(p.employeeNo, TEST_PASSWORD));
    const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect((await me(idle)).statusCode).toBe(200);
    const hash = async (cookie: string) => {
      const { createHash } = await import('node:crypto');
      return createHash('sha256').update(cookie.split('=')[1]).digest('base64url');
    };
    await db()
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '12 hours 1 minute'` })
      .where(eq(sessions.id, await hash(idle)));
    expect((await me(idle)).statusCode).toBe(401);
    await db()
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.id, await hash(absolute)));
    expect((await me(absolute)).statusCode).toBe(401);
    // Expired sessions are removed, not kept.
    expect(
      await db()
        .select()
        .from(sessions)
        .where(eq(sessions.id, await hash(idle))),
    ).toHaveLength(0);
  });

  it('makes a new account change its initial password first; the change ends other sessions', async () => {
    const p = await person(undefined, true);
    const first = cookieOf(await login(p.employeeNo, TEST_PASSWORD));
    const second = cookieOf(await login(p.employeeNo, TEST_PASSWORD));
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: first } });
    expect(me.json().account.mustChangePassword).toBe(true);
    const blocked = await t.app.inject({
      method: 'GET',
      url: '/api/org-unit-types',
      headers: { cookie: first },
    });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    const change = (cookie: string, body: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/me/password',
        headers: { cookie, origin: ORIGIN },
        payload: body,
      });
    const weak = await change(first, { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.problems).toContain('too_short');
    const wrongCurrent = await change(first, { currentPassword: 'nope', newPassword: 'Better-Passw0rd' });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(
      (await change(first, { currentPassword: TEST_PASSWORD, newPassword: 'Better-Passw0rd' })).statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/org-unit-types', headers: { cookie: first } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: second } })).statusCode,
    ).toBe(401);
    expect((await login(p.employeeNo, 'Better-Passw0rd')).statusCode).toBe(200);
    const audit = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'account.password_changed'));
    expect(audit.some((a) => a.changes?.password?.after === '***')).toBe(true);
  });
});
