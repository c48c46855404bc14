import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendRouteNotFound } from './error-handler.js';

/** Where `vite build` puts the web app, relative to this file in src/ or dist/. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));

/** Hashed build output: its name changes with its content, so a browser may keep it for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A script or a style sheet of the build (maybe precompressed), as opposed to a page or an image. */
const SCRIPT_OR_STYLE = /\.(js|css)(\.br|\.gz)?$/;

/**
 * Headers a hashed script or style sheet has no use for, each costing its bytes on every one of
 * a first load's ~20 requests on the built-in server's HTTP/1.1 (~200 bytes of each ~600):
 * - those that govern a document (its script policy, framing, window isolation);
 * - validators and ranges: an immutable file is never revalidated nor fetched in parts;
 * - HSTS, which the page itself carries, and the request id, which matters for API calls.
 * nosniff, Cross-Origin-Resource-Policy and Referrer-Policy stay; pages keep everything.
 */
const NOT_FOR_ASSETS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
  'strict-transport-security',
  'x-request-id',
  'etag',
  'last-modified',
  'accept-ranges',
];

/**
 * Serves the built web app with a fallback to index.html for client-side routes. The fallback
 * never answers for /api/*: an unknown API route is a JSON 404.
 *
 * The build writes `<file>.br` and `<file>.gz` beside each text file (apps/web/vite.config.ts),
 * and `preCompressed` sends the best one the browser accepts, with `Vary: Accept-Encoding`, for
 * files and for the index.html fallback alike; a file without a compressed sibling goes as is.
 * Compressing once at build time costs nothing per request and allows brotli's best level.
 */
export async function installWebApp(app: FastifyInstance, webDist: string | undefined): Promise<void> {
  const root = path.resolve(webDist ?? DEFAULT_WEB_DIST);
  const hasApp = existsSync(path.join(root, 'index.html'));
  if (hasApp) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders(res, file) {
        // `file` is the one sent, e.g. assets/app-1a2b3c.js.br: the folder is what counts.
        const hashed = file.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', hashed ? IMMUTABLE : 'no-cache');
        if (hashed && SCRIPT_OR_STYLE.test(file)) {
          // Helmet and the request id were written on the raw response when the request came in,
          // the validators on the reply by @fastify/static.
          for (const h of NOT_FOR_ASSETS) {
            res.raw.removeHeader(h);
            res.removeHeader(h);
          }
        }
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0];
    const isApi = url === '/api' || url.startsWith('/api/');
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !isApi;
    if (hasApp && wantsPage && !path.extname(url)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendRouteNotFound(request, reply);
  });
}
