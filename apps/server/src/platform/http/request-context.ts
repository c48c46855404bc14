import type { FastifyRequest } from 'fastify';
import type { Actor } from '../authz/actor.js';
import type { ActorCache } from '../authz/actor-cache.js';
import type { TConfig } from '../config.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { DatabaseHandle } from '../db/client.js';
import { AppError } from '../errors.js';
import type { FileStore } from '../files/file-store.js';
import type { RegisteredRoute } from './route-access.js';

/**
 * What every module may use: configuration, the database, the platform services, and the way
 * to a request's caller. The identity module provides `sessions`; platform only knows its shape,
 * so that platform never imports a module.
 */
export type AppContext = {
  config: TConfig;
  database: DatabaseHandle;
  crypto: FieldCrypto;
  files: FileStore;
  version: string;
  routes: RegisteredRoute[];
  sessions: { resolve(request: FastifyRequest): Promise<Actor | null> };
  /** Sessions resolved in the last seconds (see actor-cache.ts). */
  actors: ActorCache;
};

declare module 'fastify' {
  interface FastifyInstance {
    lifeline: AppContext;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The request's actor on a route that requires one (the access hook has already refused anonymous calls). */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Please log in');
  return request.actor;
}

/**
 * The caller of a public route, if they are logged in: for routes that anyone may use when a
 * setting allows it (the wellbeing self-check), and otherwise only members.
 */
export async function optionalActor(request: FastifyRequest): Promise<Actor | null> {
  if (request.actor) return request.actor;
  request.actor = await request.server.lifeline.sessions.resolve(request);
  return request.actor;
}
