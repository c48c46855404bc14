import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, can } from '../../platform/authz/actor.js';
import { AppError } from '../../platform/errors.js';
import type { RouteAccess } from '../../platform/http/route-access.js';
import { hashToken, loadActor, SESSION_COOKIE } from './sessions.js';

/** Routes a user who must change their password can still reach. */
const OPEN_DURING_PASSWORD_CHANGE = new Set([
  'GET /api/me',
  'POST /api/me/password',
  'POST /api/auth/logout',
]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Enforces each route's access declaration before its handler runs: resolves the session to
 * an actor, refuses cross-origin mutations (CSRF), sends users with an initial password to
 * change it, and checks that a guarded route's permission is held somewhere. Scope on the
 * record itself is checked by the route with `authorize`.
 */
export function installAccessControl(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access as RouteAccess | undefined;
    if (!access) return;
    if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
    // Public routes (health, login, docs) never need the caller: no session look-up for them.
    if (access === 'public') return;
    const actor = await resolveSession(request);
    request.actor = actor;
    if (!actor) throw new AppError('unauthenticated', 'Please log in');
    if (
      actor.mustChangePassword &&
      !OPEN_DURING_PASSWORD_CHANGE.has(`${request.method} ${request.routeOptions.url}`)
    ) {
      throw new AppError('password_change_required', 'Change your initial password first');
    }
    if (typeof access === 'object' && ![access.permission, ...(access.or ?? [])].some((p) => can(actor, p))) {
      throw new AppError('forbidden', `You may not do this (${access.permission})`);
    }
  });
}

function assertSameOrigin(request: FastifyRequest): void {
  const claimed = request.headers.origin ?? request.headers.referer;
  let ok = false;
  if (typeof claimed === 'string') {
    try {
      ok = new URL(claimed).origin === new URL(`${request.protocol}://${request.host}`).origin;
    } catch {
      ok = false;
    }
  }
  if (!ok)
    throw new AppError('forbidden', 'Cross-origin request refused: the Origin header must match this site');
}

/**
 * The caller behind the request's session cookie, or null (the platform's `sessions.resolve`):
 * from the actor cache when resolved in the last seconds, else from the database.
 */
export async function resolveSession(request: FastifyRequest): Promise<Actor | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const cache = request.server.lifeline.actors;
  const meta = { ip: request.ip, requestId: request.id };
  const cached = cache.get(hashToken(token));
  if (cached) return { ...cached, ...meta };
  const generation = cache.begin();
  const actor = await loadActor(request.server.lifeline.database.db, token, meta);
  if (actor) {
    const { ip: _ip, requestId: _id, ...kept } = actor;
    cache.store(kept, generation);
  }
  return actor;
}
