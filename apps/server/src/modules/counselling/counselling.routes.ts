import {
  ZAvailabilityInput,
  ZBookInput,
  ZCaseNote,
  ZCaseNoteInput,
  ZCoachProfile,
  ZCoachProfileInput,
  ZCoachRegistry,
  ZConsultation,
  ZConsultationInput,
  ZConsultationState,
  ZDeclineInput,
  ZErrorBody,
  ZVersionOnly,
} from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActor } from '../../platform/authz/actor.js';
import { AppError } from '../../platform/errors.js';
import { sendFile } from '../../platform/files/files.service.js';
import { requireActor } from '../../platform/http/request-context.js';
import { coachRegistry } from './coach-registry.js';
import { coachRegistryPolicy } from './coach-registry.policy.js';
import { coachPhoto, listCoaches, myProfile, saveAvailability, savePhoto, saveProfile } from './coaches.js';
import { coachingPolicy } from './consultations.policy.js';
import {
  actOnConsultation,
  addCaseNote,
  caseNotes,
  coachInbox,
  myConsultations,
  readConsultation,
  requestConsultation,
} from './consultations.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['counselling'];
/** The coaching routes' gate; each record's rule is in consultations.policy.ts. */
const coach = coachingPolicy.access('coach');

/**
 * Happiness coaches and one-click consultation (一键式咨询): the coach team, a coach's own
 * profile and hours, requests from the employee's side, the coach's inbox and actions, and the
 * coach's private notes. The results people shared with a coach are served by the assessments
 * module (`GET /api/counselling/shared`).
 */
export async function counsellingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.lifeline;
  const db = () => app.lifeline.database.db;
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.includes('/photo')) reply.header('cache-control', 'no-store');
  });
  const me = (request: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(request);
    return { ...auditActor(actor), personId: actor.personId };
  };

  app.get(
    '/api/counselling/coaches',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The coach team (active coaches and volunteers)',
        response: { 200: z.array(ZCoachProfile), ...errors },
      },
    },
    async (request) => listCoaches(db(), requireActor(request).unitPath),
  );

  app.get(
    '/api/counselling/registry',
    {
      config: { access: coachRegistryPolicy.access('read') },
      schema: {
        tags,
        summary: "A unit subtree's coach team: how many coaches and volunteers, and who",
        querystring: z.object({ unitId: z.coerce.number().int().positive() }),
        response: { 200: ZCoachRegistry, ...errors },
      },
    },
    async (request) => coachRegistry(db(), requireActor(request), request.query.unitId),
  );

  app.get(
    '/api/counselling/coaches/:personId/photo',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "A coach's photo",
        params: z.object({ personId: z.coerce.number().int().positive() }),
      },
    },
    async (request, reply) =>
      sendFile(reply, ctx().files, await coachPhoto(db(), requireActor(request), request.params.personId)),
  );

  app.get(
    '/api/counselling/profile',
    {
      config: { access: coach },
      schema: { tags, summary: 'My coach profile', response: { 200: ZCoachProfile, ...errors } },
    },
    async (request) => myProfile(db(), requireActor(request).personId),
  );

  app.put(
    '/api/counselling/profile',
    {
      config: { access: coach },
      schema: {
        tags,
        summary: 'Change my coach profile',
        body: ZCoachProfileInput,
        response: { 200: ZCoachProfile, ...errors },
      },
    },
    async (request) => saveProfile(db(), me(request), request.body),
  );

  app.put(
    '/api/counselling/profile/photo',
    {
      config: { access: coach },
      schema: {
        tags,
        summary: 'Replace my photo (an image, at most 2 MB; multipart field "file")',
        consumes: ['multipart/form-data'],
        response: { 200: ZCoachProfile, ...errors },
      },
    },
    async (request) => {
      const part = await request.file();
      if (!part) throw new AppError('validation_failed', 'Attach the photo in the field "file"');
      return savePhoto(db(), ctx().files, me(request), {
        bytes: await part.toBuffer(),
        filename: part.filename,
      });
    },
  );

  app.put(
    '/api/counselling/availability',
    {
      config: { access: coach },
      schema: {
        tags,
        summary: 'Set my weekly hours',
        body: ZAvailabilityInput,
        response: { 200: ZCoachProfile, ...errors },
      },
    },
    async (request) => saveAvailability(db(), me(request), request.body),
  );

  app.post(
    '/api/counselling/requests',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Ask for a consultation (one click: every field is optional)',
        body: ZConsultationInput,
        response: { 201: ZConsultation, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await requestConsultation(db(), ctx().crypto, requireActor(request), request.body)),
  );

  app.get(
    '/api/counselling/requests',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My consultation requests',
        response: { 200: z.array(ZConsultation), ...errors },
      },
    },
    async (request) => myConsultations(db(), ctx().crypto, requireActor(request)),
  );

  app.get(
    '/api/counselling/requests/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'A consultation request (its employee, or its coach; 404 for anyone else)',
        params: ZId,
        response: { 200: ZConsultation, ...errors },
      },
    },
    async (request) => readConsultation(db(), ctx().crypto, requireActor(request), request.params.id),
  );

  app.post(
    '/api/counselling/requests/:id/cancel',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Cancel my request',
        params: ZId,
        body: ZVersionOnly,
        response: { 200: ZConsultation, ...errors },
      },
    },
    async (request) =>
      actOnConsultation(db(), ctx().crypto, requireActor(request), request.params.id, {
        action: 'cancel',
        ...request.body,
      }),
  );

  app.get(
    '/api/counselling/inbox',
    {
      config: { access: coach },
      schema: {
        tags,
        summary: 'My inbox as a coach: requests to me and requests open to the team',
        querystring: z.object({ state: ZConsultationState.optional() }),
        response: { 200: z.array(ZConsultation), ...errors },
      },
    },
    async (request) => coachInbox(db(), ctx().crypto, requireActor(request), request.query.state),
  );

  app.post(
    '/api/counselling/requests/:id/book',
    {
      config: { access: coach },
      schema: {
        tags,
        summary: 'Take the request and book a time',
        params: ZId,
        body: ZBookInput,
        response: { 200: ZConsultation, ...errors },
      },
    },
    async (request) =>
      actOnConsultation(db(), ctx().crypto, requireActor(request), request.params.id, {
        action: 'book',
        ...request.body,
      }),
  );

  app.post(
    '/api/counselling/requests/:id/decline',
    {
      config: { access: coach },
      schema: {
        tags,
        summary: 'Decline a request made to me, with a reason',
        params: ZId,
        body: ZDeclineInput,
        response: { 200: ZConsultation, ...errors },
      },
    },
    async (request) =>
      actOnConsultation(db(), ctx().crypto, requireActor(request), request.params.id, {
        action: 'decline',
        ...request.body,
      }),
  );

  app.post(
    '/api/counselling/requests/:id/close',
    {
      config: { access: coach },
      schema: {
        tags,
        summary: 'Close the case',
        params: ZId,
        body: ZVersionOnly,
        response: { 200: ZConsultation, ...errors },
      },
    },
    async (request) =>
      actOnConsultation(db(), ctx().crypto, requireActor(request), request.params.id, {
        action: 'close',
        ...request.body,
      }),
  );

  app.get(
    '/api/counselling/requests/:id/notes',
    {
      config: { access: coach },
      schema: {
        tags,
        summary: 'My private notes on a case',
        params: ZId,
        response: { 200: z.array(ZCaseNote), ...errors },
      },
    },
    async (request) => caseNotes(db(), ctx().crypto, requireActor(request), request.params.id),
  );

  app.post(
    '/api/counselling/requests/:id/notes',
    {
      config: { access: coach },
      schema: {
        tags,
        summary: 'Add a private follow-up note (only I can read it; stored encrypted)',
        params: ZId,
        body: ZCaseNoteInput,
        response: { 201: ZCaseNote, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addCaseNote(db(), ctx().crypto, requireActor(request), request.params.id, request.body.text),
        ),
  );
}
