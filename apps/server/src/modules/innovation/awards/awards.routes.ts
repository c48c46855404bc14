import {
  ZAwardsInput,
  ZAwardsView,
  ZConference,
  ZConferenceInput,
  ZErrorBody,
  ZFinalizeAwardsInput,
  ZObjectionAnswerInput,
  ZObjectionInput,
  ZPublishAwardsInput,
} from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/http/request-context.js';
import { awardsPolicy, conferencePolicy } from './awards.policy.js';
import {
  answerObjection,
  awardsView,
  finalizeAwards,
  lodgeObjection,
  publishAwards,
  setAwards,
} from './awards.service.js';
import { conference, setConference } from './conference.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['innovation'];

/** Awards (奖励) with their publicity period (公示) and objections, and the innovation conference. */
export async function awardRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;
  const view = (request: Parameters<typeof requireActor>[0], id: number) =>
    awardsView(db(), requireActor(request), id);

  app.get(
    '/api/innovation/cycles/:id/awards',
    {
      config: { access: awardsPolicy.access('read') },
      schema: {
        tags,
        summary: 'The awards of a cycle (draft only to the secretariat)',
        params: ZId,
        response: { 200: ZAwardsView, ...errors },
      },
    },
    async (request) => view(request, request.params.id),
  );

  app.put(
    '/api/innovation/cycles/:id/awards',
    {
      config: { access: awardsPolicy.access('manage') },
      schema: {
        tags,
        summary: 'Propose the awards (replaces the draft)',
        params: ZId,
        body: ZAwardsInput,
        response: { 200: ZAwardsView, ...errors },
      },
    },
    async (request) => {
      await setAwards(db(), requireActor(request), request.params.id, request.body);
      return view(request, request.params.id);
    },
  );

  app.post(
    '/api/innovation/cycles/:id/awards/publish',
    {
      config: { access: awardsPolicy.access('manage') },
      schema: {
        tags,
        summary: 'Start the publicity period (公示)',
        params: ZId,
        body: ZPublishAwardsInput,
        response: { 200: ZAwardsView, ...errors },
      },
    },
    async (request) => {
      await publishAwards(db(), requireActor(request), request.params.id, request.body);
      return view(request, request.params.id);
    },
  );

  app.post(
    '/api/innovation/cycles/:id/awards/finalize',
    {
      config: { access: awardsPolicy.access('manage') },
      schema: {
        tags,
        summary: 'Make the awards final (after publicity, all objections answered)',
        params: ZId,
        body: ZFinalizeAwardsInput,
        response: { 200: ZAwardsView, ...errors },
      },
    },
    async (request) => {
      await finalizeAwards(db(), requireActor(request), request.params.id, request.body.version);
      return view(request, request.params.id);
    },
  );

  app.post(
    '/api/innovation/awards/:id/objections',
    {
      config: { access: awardsPolicy.access('object') },
      schema: {
        tags,
        summary: 'Lodge an objection during the publicity period',
        params: ZId,
        body: ZObjectionInput,
        response: { 201: z.object({ id: z.number() }), ...errors },
      },
    },
    async (request, reply) => {
      const o = await lodgeObjection(db(), requireActor(request), request.params.id, request.body.text);
      return reply.status(201).send({ id: o.id });
    },
  );

  app.post(
    '/api/innovation/objections/:id/answer',
    {
      config: { access: awardsPolicy.access('manage') },
      schema: {
        tags,
        summary: 'Answer an objection',
        params: ZId,
        body: ZObjectionAnswerInput,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await answerObjection(db(), requireActor(request), request.params.id, request.body.answer);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/innovation/cycles/:id/conference',
    {
      config: { access: conferencePolicy.access('read') },
      schema: {
        tags,
        summary: 'The innovation conference and its commendations',
        params: ZId,
        response: { 200: ZConference, ...errors },
      },
    },
    async (request) => conference(db(), requireActor(request), request.params.id),
  );

  app.put(
    '/api/innovation/cycles/:id/conference',
    {
      config: { access: conferencePolicy.access('manage') },
      schema: {
        tags,
        summary: 'Set the conference and its commendations (results, teams, individuals)',
        params: ZId,
        body: ZConferenceInput,
        response: { 200: ZConference, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await setConference(db(), actor, request.params.id, request.body);
      return conference(db(), actor, request.params.id);
    },
  );
}
