import { ZHealth } from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pingDatabase } from '../../platform/db/client.js';

/** Liveness and database readiness, for load balancers and monitors. */
export async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Service health',
        description:
          '200 with status ok when the database answers; 503 with status unavailable when it does not.',
        response: { 200: ZHealth, 503: ZHealth },
      },
    },
    async (_request, reply) => {
      const { database, version } = app.lifeline;
      const ok = await pingDatabase(database);
      return reply
        .status(ok ? 200 : 503)
        .header('cache-control', 'no-store')
        .send({ status: ok ? 'ok' : 'unavailable', db: database.engine, version });
    },
  );

  app.get(
    '/api/openapi.json',
    {
      config: { access: 'public' },
      schema: { tags: ['platform'], summary: 'This API described as OpenAPI 3' },
    },
    async () => app.swagger(),
  );
}
