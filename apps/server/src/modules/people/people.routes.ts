import {
  ZErrorBody,
  ZPage,
  ZPeopleQuery,
  ZPerson,
  ZPersonInput,
  ZPersonSummary,
  ZPersonUpdate,
} from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/request-context.js';
import { personPolicy } from './people.policy.js';
import { presentPerson, presentPersonSummary } from './people.presenter.js';
import { createPerson, getPerson, listPeople, readIdCard, updatePerson } from './people.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['people'];

/** The roster: search, detail, create, change, and the audited full ID-card number. */
export async function peopleRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.lifeline;

  app.get(
    '/api/people',
    {
      config: { access: personPolicy.access('read') },
      schema: {
        tags,
        summary:
          'Search people in my scope (name, pinyin, initials, employee number, phone), sorted by pinyin',
        querystring: ZPeopleQuery,
        response: { 200: ZPage(ZPersonSummary), ...errors },
      },
    },
    async (request) => {
      const page = await listPeople(ctx().database.db, requireActor(request), request.query);
      return { ...page, items: page.items.map(presentPersonSummary) };
    },
  );

  app.get(
    '/api/people/:id',
    {
      config: { access: personPolicy.access('read') },
      schema: { tags, summary: 'One person', params: ZId, response: { 200: ZPerson, ...errors } },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentPerson(actor, await getPerson(ctx().database.db, actor, request.params.id));
    },
  );

  app.get(
    '/api/people/:id/id-card',
    {
      config: { access: personPolicy.access('readIdCard') },
      schema: {
        tags,
        summary: 'The full ID-card number (audited)',
        params: ZId,
        response: { 200: z.object({ idCard: z.string().nullable() }), ...errors },
      },
    },
    async (request, reply) => {
      const { database, crypto } = ctx();
      const idCard = await readIdCard(database.db, crypto, requireActor(request), request.params.id);
      return reply.header('cache-control', 'no-store').send({ idCard });
    },
  );

  app.post(
    '/api/people',
    {
      config: { access: personPolicy.access('create') },
      schema: { tags, summary: 'Add a person', body: ZPersonInput, response: { 201: ZPerson, ...errors } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { database, crypto } = ctx();
      const id = await createPerson(database.db, crypto, actor, request.body);
      return reply.status(201).send(presentPerson(actor, await getPerson(database.db, actor, id)));
    },
  );

  app.patch(
    '/api/people/:id',
    {
      config: { access: personPolicy.access('update') },
      schema: {
        tags,
        summary: 'Change a person',
        params: ZId,
        body: ZPersonUpdate,
        response: { 200: ZPerson, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { database, crypto } = ctx();
      await updatePerson(database.db, crypto, actor, request.params.id, request.body);
      return presentPerson(actor, await getPerson(database.db, actor, request.params.id));
    },
  );
}
