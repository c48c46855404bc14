import { ZAggregate, ZAggregateQuery, ZErrorBody } from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/http/request-context.js';
import { wellbeingAdminPolicy } from '../assessments.policy.js';
import { aggregate } from './aggregates.service.js';
import { sendAggregateXlsx } from './aggregates-excel.js';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['assessments'];
const access = wellbeingAdminPolicy.access('aggregate');

/** Aggregates for the Party committee: groups of at least ten, never individuals. */
export async function aggregateRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.lifeline;

  app.get(
    '/api/assessments/aggregates',
    {
      config: { access },
      schema: {
        tags,
        summary:
          'Participation and bands of a unit subtree in a year or quarter (groups under 10 suppressed)',
        querystring: ZAggregateQuery,
        response: { 200: ZAggregate, ...errors },
      },
    },
    async (request) => aggregate(ctx().database.db, ctx().crypto, requireActor(request), request.query),
  );

  app.get(
    '/api/assessments/aggregates/export',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The same aggregates as an Excel workbook',
        querystring: ZAggregateQuery,
        response: { ...errors },
      },
    },
    async (request, reply) => {
      const data = await aggregate(ctx().database.db, ctx().crypto, requireActor(request), request.query);
      return sendAggregateXlsx(reply, data);
    },
  );
}
