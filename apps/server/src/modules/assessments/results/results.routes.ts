import {
  ZConsentInput,
  ZConsentStatus,
  ZErasure,
  ZErrorBody,
  ZStoredResult,
  ZStoreResultInput,
  ZStoreResultOut,
} from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActor } from '../../../platform/authz/actor.js';
import { requireActor } from '../../../platform/http/request-context.js';
import { consentStatuses, grantConsent, withdrawConsent } from './consents.service.js';
import { eraseMyData } from './erasure.js';
import { deleteResult, myResults, readResult, storeResult } from './results.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['assessments'];

/**
 * Consent and stored results. Every route here is about the caller's own data: a result is read
 * by its owner or by a coach it was shared with, and by nobody else through any route (404).
 * Responses are never cached.
 */
export async function resultRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.lifeline;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/assessments/consents',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My consent to each instrument',
        response: { 200: z.array(ZConsentStatus), ...errors },
      },
    },
    async (request) => consentStatuses(ctx().database.db, requireActor(request)),
  );

  app.post(
    '/api/assessments/consents',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Consent to keep the results of one instrument (separate consent)',
        body: ZConsentInput,
        response: { 200: ZConsentStatus, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return grantConsent(
        ctx().database.db,
        { ...auditActor(actor), personId: actor.personId },
        request.body,
      );
    },
  );

  app.delete(
    '/api/assessments/consents/:instrument',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "Withdraw consent: the instrument's stored results are erased for good",
        params: z.object({ instrument: z.string().min(1).max(32) }),
        response: { 200: ZErasure, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return withdrawConsent(
        ctx().database.db,
        { ...auditActor(actor), personId: actor.personId },
        request.params.instrument,
      );
    },
  );

  app.post(
    '/api/assessments/results',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Score and keep a result (needs consent to the instrument)',
        body: ZStoreResultInput,
        response: { 201: ZStoreResultOut, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await storeResult(ctx().database.db, ctx().crypto, requireActor(request), request.body)),
  );

  app.get(
    '/api/assessments/results',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My stored results, newest first',
        querystring: z.object({ instrument: z.string().min(1).max(32).optional() }),
        response: { 200: z.array(ZStoredResult), ...errors },
      },
    },
    async (request) =>
      myResults(ctx().database.db, ctx().crypto, requireActor(request), request.query.instrument),
  );

  app.get(
    '/api/assessments/results/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One result: for its owner or a coach it was shared with; 404 for everyone else',
        params: ZId,
        response: { 200: ZStoredResult, ...errors },
      },
    },
    async (request) => readResult(ctx().database.db, ctx().crypto, requireActor(request), request.params.id),
  );

  app.delete(
    '/api/assessments/results/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Erase one of my results',
        params: ZId,
        response: { 200: ZErasure, ...errors },
      },
    },
    async (request) => deleteResult(ctx().database.db, requireActor(request), request.params.id),
  );

  app.delete(
    '/api/assessments/my-data',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Delete my data: every result and share erased, every consent withdrawn',
        response: { 200: ZErasure, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return eraseMyData(ctx().database.db, { ...auditActor(actor), personId: actor.personId });
    },
  );
}
