import { ZErrorBody, ZShare, ZSharedWithMe, ZShareInput } from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/http/request-context.js';
import { sharedWithCoachPolicy } from '../results/results.policy.js';
import { createShare, myShares, revokeShare, sharedWithMe } from './shares.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['assessments'];

/** Sharing results with a coach of the employee's choice, and what coaches were shown. */
export async function shareRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.lifeline;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/assessments/shares',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'My shares with coaches', response: { 200: z.array(ZShare), ...errors } },
    },
    async (request) => myShares(ctx().database.db, requireActor(request)),
  );

  app.post(
    '/api/assessments/shares',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Share one result, or my history, with a coach',
        body: ZShareInput,
        response: { 201: ZShare, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createShare(ctx().database.db, requireActor(request), request.body)),
  );

  app.delete(
    '/api/assessments/shares/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Revoke a share', params: ZId, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await revokeShare(ctx().database.db, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/counselling/shared',
    {
      config: { access: sharedWithCoachPolicy.access('list') },
      schema: {
        tags: ['counselling'],
        summary: 'Results people shared with me (as their coach)',
        response: { 200: z.array(ZSharedWithMe), ...errors },
      },
    },
    async (request) => sharedWithMe(ctx().database.db, ctx().crypto, requireActor(request)),
  );
}
