import { ZErrorBody, ZWorkbench } from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/request-context.js';
import { workbenchPolicy } from './workbench.policy.js';
import { readWorkbench } from './workbench.service.js';

/** The desktop home's data: what waits for the caller across modules, and what they did lately. */
export async function workbenchRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/workbench',
    {
      config: { access: workbenchPolicy.access('read') },
      schema: {
        tags: ['workbench'],
        summary: 'What waits for me (counts, nearest deadlines, where to act) and my recent changes',
        response: { 200: ZWorkbench, 401: ZErrorBody },
      },
    },
    async (request) => readWorkbench(app.lifeline, requireActor(request)),
  );
}
