import type { TPermission } from '@lifeline/shared';

/**
 * Every API route declares who may call it; a route without a declaration stops the server
 * from starting (and so fails every test). The identity module enforces the declaration.
 *   public         — anyone, logged in or not
 *   authenticated  — any logged-in account (the policy then allows the caller's own records only)
 *   { permission } — an account holding the permission (or one of `or`) on some unit; scope is
 *                    checked per record by the resource's policy
 * Routes take it from their policy (`policy.access(action)`), so the gate and the rule agree.
 */
export type RouteAccess = 'public' | 'authenticated' | { permission: TPermission; or?: TPermission[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** Routes of plugins we do not write (the OpenAPI browser's assets) that are public by nature. */
export const PUBLIC_PLUGIN_PREFIXES = ['/api/docs'];

export type RegisteredRoute = { method: string; url: string; access: RouteAccess };
