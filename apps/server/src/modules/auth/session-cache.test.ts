import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorCache, type CachedActor } from '../../platform/authz/actor-cache.js';
import {
  buildAccount,
  buildPerson,
  buildUnit,
  type Client,
  clientFor,
  loginAs,
  TEST_PASSWORD,
  type Unit,
} from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { sessions } from './auth.table.js';
import { createSession } from './sessions.js';

/**
 * Sessions resolved in the last seconds are reused without a database look-up; a revocation on
 * this instance still takes effect at once (logout, a disabled account, a reset or changed
 * password, a role ended, a unit moved), and one made elsewhere (here: the row deleted behind the
 * instance's back) within the cache's few seconds.
 */
let t: TestApp;
let root: Unit;
let admin: Client;
const db = () => t.app.lifeline.database.db;

beforeAll(async () => {
  t = await buildTestApp({ sessionCacheSeconds: 5 });
  root = await buildUnit(db());
  admin = await loginAs(t.app, root, [
    ['unit_admin', root],
    ['security_admin', root],
  ]);
});
afterAll(() => t.close());

const me = (c: Client) => c.request('GET', '/api/me');

describe('the session cache', () => {
  it('serves a session it resolved a moment ago without the database', async () => {
    const someone = await loginAs(t.app, root);
    expect((await me(someone)).statusCode).toBe(200);
    // Another instance logs the session out: this one still knows it for a few seconds.
    await db()
      .delete(sessions)
      .where(eq(sessions.accountId, (await me(someone)).json().accountId));
    expect((await me(someone)).statusCode).toBe(200);
  });

  it('forgets a session logged out here at once', async () => {
    const someone = await loginAs(t.app, root);
    expect((await me(someone)).statusCode).toBe(200);
    expect((await someone.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await me(someone)).statusCode).toBe(401);
  });

  it('forgets a disabled account and a reset password at once', async () => {
    const a = await loginAs(t.app, root);
    const b = await loginAs(t.app, root);
    expect((await me(a)).statusCode).toBe(200);
    expect((await me(b)).statusCode).toBe(200);
    const disable = await admin.request('PATCH', `/api/people/${a.person.id}/account`, { disabled: true });
    expect(disable.statusCode, disable.body).toBe(200);
    expect((await me(a)).statusCode).toBe(401);
    const reset = await admin.request('PATCH', `/api/people/${b.person.id}/account`, {
      resetPassword: 'Reset-Passw0rd!x',
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await me(b)).statusCode).toBe(401);
  });

  it('lets a user who changed the initial password go on at once', async () => {
    const person = await buildPerson(db(), t.app.lifeline.crypto, root);
    const account = await buildAccount(db(), person, { mustChangePassword: true });
    const c = clientFor(
      t.app,
      person,
      await createSession(db(), account.id, { ip: '127.0.0.1', userAgent: 't' }),
    );
    expect((await c.request('GET', '/api/org-units/tree')).json().error.code).toBe(
      'password_change_required',
    );
    const changed = await c.request('POST', '/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Changed-Passw0rd!y',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const after = await c.request('GET', '/api/notifications');
    expect(after.statusCode, after.body).toBe(200);
  });

  it('takes a revoked role away at once', async () => {
    const unit = await buildUnit(db(), root);
    const holder = await loginAs(t.app, unit);
    const granted = await admin.request('POST', '/api/role-assignments', {
      personId: holder.person.id,
      role: 'hotline_handler',
      unitId: unit.id,
    });
    expect(granted.statusCode, granted.body).toBe(201);
    // The grant is seen at once too.
    expect((await me(holder)).json().permissions).toContain('hotline.handle');
    const revoked = await admin.request('DELETE', `/api/role-assignments/${granted.json().id}`);
    expect(revoked.statusCode, revoked.body).toBe(204);
    expect((await me(holder)).json().permissions).not.toContain('hotline.handle');
  });
});

describe('the actor cache', () => {
  const actor = (sessionId: string, accountId = 1, personId = 1) =>
    ({ sessionId, accountId, personId, grants: [] }) as unknown as CachedActor;

  it('keeps an entry for its time only', () => {
    const cache = new ActorCache(5000);
    cache.store(actor('s1'), cache.begin(), 1_000);
    expect(cache.get('s1', 5_999)).toBeDefined();
    expect(cache.get('s1', 6_000)).toBeUndefined();
    cache.close();
  });

  it('does not keep what a look-up read before a revocation that ended during it', () => {
    const cache = new ActorCache(5000);
    const started = cache.begin();
    cache.forget({ accountId: 1 }); // the revocation commits while the look-up is under way
    cache.store(actor('s1'), started);
    expect(cache.get('s1')).toBeUndefined();
    cache.store(actor('s1'), cache.begin());
    expect(cache.get('s1')).toBeDefined();
    cache.close();
  });

  it('forgets by session, account or person, and keeps at most its size', () => {
    const cache = new ActorCache(5000, 2);
    cache.store(actor('s1', 1, 10), cache.begin());
    cache.store(actor('s2', 2, 20), cache.begin());
    cache.store(actor('s3', 3, 30), cache.begin());
    expect(cache.get('s1')).toBeUndefined(); // the oldest made room
    cache.forget({ personId: 20 });
    expect(cache.get('s2')).toBeUndefined();
    expect(cache.get('s3')).toBeDefined();
    cache.forget({ sessionId: 's3' });
    expect(cache.get('s3')).toBeUndefined();
    cache.close();
  });

  it('keeps nothing when turned off', () => {
    const cache = new ActorCache(0);
    cache.store(actor('s1'), cache.begin());
    expect(cache.get('s1')).toBeUndefined();
  });
});
