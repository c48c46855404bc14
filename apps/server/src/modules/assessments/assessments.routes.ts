import { ZErrorBody, ZInstrumentDefinitionOut, ZScoreRequest, ZScoreResult } from '@lifeline/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { optionalActor } from '../../platform/http/request-context.js';
import { aggregateRoutes } from './aggregates/aggregates.routes.js';
import { scoreAnswers } from './assessments.service.js';
import { activeInstruments, offeredInstrument } from './instruments.js';
import { resultRoutes } from './results/results.routes.js';
import { scaleRoutes } from './scales/scales.routes.js';
import { settingsRoutes } from './settings/settings.routes.js';
import { wellbeingSettings } from './settings/wellbeing-settings.js';
import { shareRoutes } from './shares/shares.routes.js';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };
const tags = ['assessments'];

/**
 * Self-assessments (心灵护航), in the order an employee meets them: the instruments and the
 * self-check that stores nothing; the settings; consent and stored results; sharing with a
 * coach; the administrators' scales; and the aggregates the Party committee may see.
 */
export async function assessmentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;

  /** The self-check is for members, or for everyone when an administrator opened it. */
  async function assertSelfCheckOpen(request: FastifyRequest): Promise<void> {
    if ((await wellbeingSettings(db())).openToEveryone) return;
    if (!(await optionalActor(request))) throw new AppError('unauthenticated', 'Please log in');
  }

  app.get(
    '/api/assessments/instruments',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The instruments on offer: items, options, scoring and versions (members, or everyone when opened)',
        response: { 200: z.array(ZInstrumentDefinitionOut), ...errors },
      },
    },
    async (request) => {
      await assertSelfCheckOpen(request);
      return activeInstruments(db());
    },
  );

  app.post(
    '/api/assessments/score',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Score a self-check and answer the result; nothing is stored or logged',
        body: ZScoreRequest,
        response: { 200: ZScoreResult, ...errors },
      },
    },
    async (request, reply) => {
      await assertSelfCheckOpen(request);
      reply.header('cache-control', 'no-store');
      const def = await offeredInstrument(db(), request.body.instrument);
      return scoreAnswers(def, request.body.answers);
    },
  );

  await app.register(settingsRoutes);
  await app.register(resultRoutes);
  await app.register(shareRoutes);
  await app.register(scaleRoutes);
  await app.register(aggregateRoutes);
}
