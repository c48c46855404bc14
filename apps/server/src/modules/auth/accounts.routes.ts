import { ZAccount, ZAccountCreate, ZAccountUpdate, ZErrorBody } from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/request-context.js';
import { accountPolicy } from './accounts.policy.js';
import { createAccount, getAccount, updateAccount } from './accounts.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['accounts'];

/** A person's account, managed by administrators of the person's unit. */
export async function accountRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;

  app.get(
    '/api/people/:id/account',
    {
      config: { access: accountPolicy.access('read') },
      schema: { tags, summary: "A person's account", params: ZId, response: { 200: ZAccount, ...errors } },
    },
    async (request) => getAccount(db(), requireActor(request), request.params.id),
  );

  app.post(
    '/api/people/:id/account',
    {
      config: { access: accountPolicy.access('create') },
      schema: {
        tags,
        summary: 'Create an account with an initial password (changed at first login)',
        params: ZId,
        body: ZAccountCreate,
        response: { 201: ZAccount, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createAccount(db(), requireActor(request), request.params.id, request.body.initialPassword),
        ),
  );

  app.patch(
    '/api/people/:id/account',
    {
      config: { access: accountPolicy.access('update') },
      schema: {
        tags,
        summary: 'Disable/enable, reset the password, or unlock',
        params: ZId,
        body: ZAccountUpdate,
        response: { 200: ZAccount, ...errors },
      },
    },
    async (request) => updateAccount(db(), requireActor(request), request.params.id, request.body),
  );
}
