import type { FastifyInstance } from 'fastify';

/**
 * API paths whose answers are the same for everyone and may be kept by caches: the OpenAPI
 * document and the browsable UI's assets. Nothing else under /api is.
 */
const CACHEABLE = [/^\/api\/openapi\.json$/, /^\/api\/docs(\/|$)/];

/**
 * Every /api answer carries `Cache-Control: no-store` (replacing what a handler set), except
 * the public documents above: almost every answer depends on the session — even a public
 * route's, when a logged-in caller asks — and a browser, a proxy or a shared computer must keep
 * none of them (a file of a hotline item, one's own assessment, an export). One rule on the way
 * out is simpler to trust than a header remembered by each handler.
 */
export function installCacheControl(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0];
    if ((path === '/api' || path.startsWith('/api/')) && !CACHEABLE.some((p) => p.test(path))) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
