import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { assessmentRoutes } from './modules/assessments/index.js';
import { auditLogRoutes } from './modules/audit-log/index.js';
import { accountRoutes, authRoutes, installAccessControl, resolveSession } from './modules/auth/index.js';
import { calendarAdminRoutes } from './modules/calendar-admin/index.js';
import { counsellingRoutes } from './modules/counselling/index.js';
import { exportRoutes } from './modules/exports/index.js';
import { healthRoutes } from './modules/health/index.js';
import { hotlineRoutes } from './modules/hotline/index.js';
import { innovationRoutes } from './modules/innovation/index.js';
import { notificationRoutes } from './modules/notifications/index.js';
import { orgUnitRoutes } from './modules/org-units/index.js';
import { peopleExcelRoutes, peopleRoutes } from './modules/people/index.js';
import { roleRoutes } from './modules/roles/index.js';
import { workbenchRoutes } from './modules/workbench/index.js';
import { ActorCache } from './platform/authz/actor-cache.js';
import type { TConfig } from './platform/config.js';
import { createFieldCrypto } from './platform/crypto/field-crypto.js';
import type { DatabaseHandle } from './platform/db/client.js';
import { LocalFileStore } from './platform/files/file-store.js';
import { installCacheControl } from './platform/http/cache-control.js';
import { installCompression } from './platform/http/compression.js';
import { installErrorHandler } from './platform/http/error-handler.js';
import { installInputGuard } from './platform/http/input-guard.js';
import { installOpenApi } from './platform/http/openapi.js';
import type { AppContext } from './platform/http/request-context.js';
import { PUBLIC_PLUGIN_PREFIXES, type RegisteredRoute } from './platform/http/route-access.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { installWebApp } from './platform/http/web-app.js';
import { withLogSerializers } from './platform/log/log-serializers.js';
import { VERSION } from './platform/version.js';

export type BuildAppOptions = {
  config: TConfig;
  database: DatabaseHandle;
  /** Pino options or false; tests pass false. */
  logger?: boolean | Record<string, unknown>;
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,80}$/;

/** Assembles the HTTP application: platform plugins first, then each module's routes. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: withLogSerializers(
      options.logger === undefined
        ? {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
          }
        : options.logger,
    ),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RegisteredRoute[] = [];
  app.decorate('lifeline', {
    config,
    database,
    crypto: createFieldCrypto(config.secrets),
    files: new LocalFileStore(config.dataDir),
    version: VERSION,
    routes,
    sessions: { resolve: resolveSession },
    actors: new ActorCache(config.sessionCacheSeconds * 1000),
  } satisfies AppContext);
  app.addHook('onClose', async () => app.lifeline.actors.close());

  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api')) return;
    const access = route.config?.access;
    if (!access) {
      if (PUBLIC_PLUGIN_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`))) return;
      throw new Error(
        `Route ${String(route.method)} ${url} declares no access (public, authenticated or a permission)`,
      );
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url, access });
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  installErrorHandler(app);
  installInputGuard(app);
  installCacheControl(app);
  installCompression(app);
  await installSecurityHeaders(app);
  await app.register(cookie, { secret: config.secrets[0] });
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 5, fields: 50, parts: 60 },
  });
  installAccessControl(app);
  await installOpenApi(app, VERSION);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(orgUnitRoutes);
  await app.register(peopleExcelRoutes);
  await app.register(peopleRoutes);
  await app.register(accountRoutes);
  await app.register(roleRoutes);
  await app.register(auditLogRoutes);
  await app.register(calendarAdminRoutes);
  await app.register(notificationRoutes);
  await app.register(exportRoutes);
  await app.register(innovationRoutes);
  await app.register(assessmentRoutes);
  await app.register(counsellingRoutes);
  await app.register(hotlineRoutes);
  await app.register(workbenchRoutes);

  await installWebApp(app, config.webDist);
  return app;
}
