import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildPerson,
  buildUnit,
  ORIGIN,
  TEST_PASSWORD,
  type Unit,
} from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

/**
 * Login throttling by account and by address: an account locks with growing periods, an
 * (address, login) pair waits growing delays, and an address that fails on many logins waits a
 * delay with a modest cap — so that one attacker behind a NAT cannot lock its other users out.
 * Waiting is simulated by moving the stored deadlines into the past, never by sleeping.
 */
let t: TestApp;
let root: Unit;
beforeAll(async () => {
  t = await buildTestApp();
  root = await buildUnit(t.app.lifeline.database.db);
});
afterAll(() => t.close());

const db = () => t.app.lifeline.database.db;

function login(loginName: string, password: string, ip: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin: ORIGIN },
    remoteAddress: ip,
    payload: { login: loginName, password },
  });
}

async function person() {
  const p = await buildPerson(db(), t.app.lifeline.crypto, root);
  await buildAccount(db(), p);
  return p;
}

/** As if every delay and lock had run out. */
const waitOut = () =>
  db().execute(
    sql`update login_throttle set locked_until = now() - interval '1 second' where locked_until > now()`,
  );

const retryAfter = (res: { headers: Record<string, unknown> }) => Number(res.headers['retry-after']);

describe('login throttling', () => {
  it('locks an account hammered from one address, with growing delays, and lets another account log in from there', async () => {
    const ip = '10.20.0.1';
    const x = await person();
    const y = await person();
    const pairDelays: number[] = [];
    let failures = 0;
    let locks = 0;
    for (let i = 0; i < 200 && failures < 20; i += 1) {
      const res = await login(x.employeeNo, 'wrong-password', ip);
      if (res.statusCode === 401) failures += 1;
      else if (res.statusCode === 429) {
        pairDelays.push(retryAfter(res));
        await waitOut();
      } else {
        expect(res.statusCode, res.body).toBe(423);
        locks += 1;
        await waitOut();
      }
    }
    expect(failures).toBe(20);
    expect(locks).toBeGreaterThanOrEqual(3);
    // The pair's delay grows (1 s, 2 s, 4 s …).
    expect(pairDelays.length).toBeGreaterThan(3);
    expect(pairDelays[2]).toBeGreaterThan(pairDelays[0]);
    // Account Y logs in at once from the same address.
    const ok = await login(y.employeeNo, TEST_PASSWORD, ip);
    expect(ok.statusCode, ok.body).toBe(200);
    // Account X is locked after its next five failures, even for the right password.
    for (let i = 0; i < 5; i += 1) {
      await waitOut();
      await login(x.employeeNo, 'wrong-password', '10.20.0.2');
    }
    const locked = await login(x.employeeNo, TEST_PASSWORD, '10.20.0.3');
    expect(locked.statusCode).toBe(423);
  });

  it('locks an account for 15 minutes after 5 failures, then 30 after the next 5', async () => {
    const x = await person();
    for (let i = 0; i < 5; i += 1) await login(x.employeeNo, 'wrong-password', `10.21.0.${i}`);
    const first = await login(x.employeeNo, TEST_PASSWORD, '10.21.1.1');
    expect(first.statusCode).toBe(423);
    expect(retryAfter(first)).toBeGreaterThan(14 * 60);
    expect(retryAfter(first)).toBeLessThanOrEqual(15 * 60);
    await waitOut();
    for (let i = 0; i < 5; i += 1) await login(x.employeeNo, 'wrong-password', `10.21.2.${i}`);
    const second = await login(x.employeeNo, TEST_PASSWORD, '10.21.1.2');
    expect(second.statusCode).toBe(423);
    expect(retryAfter(second)).toBeGreaterThan(29 * 60);
    // A success after the lock forgets the failures.
    await waitOut();
    expect((await login(x.employeeNo, TEST_PASSWORD, '10.21.1.3')).statusCode).toBe(200);
    await login(x.employeeNo, 'wrong-password', '10.21.1.4');
    expect((await login(x.employeeNo, TEST_PASSWORD, '10.21.1.5')).statusCode).toBe(200);
  });

  it('slows an address failing on many logins with growing delays under a modest cap; a login that succeeded there before passes', async () => {
    const ip = '10.22.0.1';
    const known = await person();
    const newcomer = await person();
    expect((await login(known.employeeNo, TEST_PASSWORD, ip)).statusCode).toBe(200);
    for (let i = 0; i < 20; i += 1) expect((await login(`SPRAY-${i}`, 'guess', ip)).statusCode).toBe(401);
    const delays: number[] = [];
    for (let i = 20; i < 40; i += 1) {
      const slowed = await login(`SPRAY-${i}`, 'guess', ip);
      expect(slowed.statusCode).toBe(429);
      expect(slowed.json().error.code).toBe('rate_limited');
      delays.push(retryAfter(slowed));
      // A user who logged in from this address before is not held up by the others' failures.
      expect((await login(known.employeeNo, TEST_PASSWORD, ip)).statusCode).toBe(200);
      await waitOut();
      expect((await login(`SPRAY-${i}`, 'guess', ip)).statusCode).toBe(401);
    }
    expect(delays[1]).toBeGreaterThan(delays[0]);
    expect(delays[3]).toBeGreaterThan(delays[1]);
    expect(Math.max(...delays)).toBe(30);
    // Someone logging in from there for the first time waits at most the cap.
    const first = await login(newcomer.employeeNo, TEST_PASSWORD, ip);
    expect(first.statusCode).toBe(429);
    expect(retryAfter(first)).toBeLessThanOrEqual(30);
    await waitOut();
    expect((await login(newcomer.employeeNo, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });

  it('lets an administrator unlock an account at once, the address’s delay for it included', async () => {
    const ip = '10.20.9.9';
    const x = await person();
    for (let i = 0; i < 5; i++)
      expect((await login(x.employeeNo, 'wrong-password', ip)).statusCode).not.toBe(200);
    expect((await login(x.employeeNo, TEST_PASSWORD, ip)).statusCode).not.toBe(200);
    const { loginAs } = await import('../../test/factories.js');
    const admin = await loginAs(t.app, root, [['sysadmin', root]]);
    const unlocked = await admin.request('PATCH', `/api/people/${x.id}/account`, { unlock: true });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect((await login(x.employeeNo, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });
});
