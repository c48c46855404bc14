import { ZErrorBody, ZInstrumentDefinitionOut, ZScoreRequest, ZScoreResult } from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listInstruments, selfCheck } from './assessments.service.js';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };
const tags = ['assessments'];

/** Self-assessments: the instruments and the self-check that stores nothing. */
export async function assessmentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/assessments/instruments',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The self-assessment instruments: items, options, scoring and versions',
        response: { 200: z.array(ZInstrumentDefinitionOut), ...errors },
      },
    },
    async () => listInstruments(),
  );

  app.post(
    '/api/assessments/score',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Score a self-check and answer the result; nothing is stored or logged',
        body: ZScoreRequest,
        response: { 200: ZScoreResult, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return selfCheck(request.body.instrument, request.body.answers);
    },
  );
}
