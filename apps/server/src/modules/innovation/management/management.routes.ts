import {
  ZChangeDecisionInput,
  ZChangeRequest,
  ZChangeRequestInput,
  ZErrorBody,
  ZOverdueMilestone,
  ZProgressReport,
  ZProgressReportInput,
  ZSupervisionNote,
  ZSupervisionNoteInput,
} from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/http/request-context.js';
import { cyclePolicy } from '../cycles/cycles.policy.js';
import { projectPolicy } from '../projects/projects.policy.js';
import { changePolicy } from './changes.policy.js';
import {
  addProgressReport,
  addSupervisionNote,
  decideChange,
  listChanges,
  overdueMilestones,
  requestChange,
} from './management.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['innovation'];

/** Implementation (实施、动态管理): progress, supervision, change requests and overdue milestones. */
export async function managementRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;

  app.post(
    '/api/innovation/projects/:id/progress',
    {
      config: { access: projectPolicy.access('report') },
      schema: {
        tags,
        summary: 'Report progress (optionally completing a milestone)',
        params: ZId,
        body: ZProgressReportInput,
        response: { 201: ZProgressReport, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const r = await addProgressReport(db(), actor, request.params.id, request.body);
      return reply
        .status(201)
        .send({ id: r.id, milestoneId: r.milestoneId, text: r.text, authorName: actor.name, at: r.at });
    },
  );

  app.post(
    '/api/innovation/projects/:id/supervision',
    {
      config: { access: projectPolicy.access('supervise') },
      schema: {
        tags,
        summary: 'Add a supervision note (督导; never shown to the applicant)',
        params: ZId,
        body: ZSupervisionNoteInput,
        response: { 201: ZSupervisionNote, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const n = await addSupervisionNote(db(), actor, request.params.id, request.body.note);
      return reply.status(201).send({ id: n.id, note: n.note, authorName: actor.name, at: n.at });
    },
  );

  app.get(
    '/api/innovation/projects/:id/changes',
    {
      config: { access: projectPolicy.access('read') },
      schema: {
        tags,
        summary: 'Change requests of a project',
        params: ZId,
        response: { 200: z.array(ZChangeRequest), ...errors },
      },
    },
    async (request) => listChanges(db(), requireActor(request), { projectId: request.params.id }),
  );

  app.post(
    '/api/innovation/projects/:id/changes',
    {
      config: { access: projectPolicy.access('requestChange') },
      schema: {
        tags,
        summary: 'Ask to change team, level, funding or a deadline',
        params: ZId,
        body: ZChangeRequestInput,
        response: { 201: z.object({ id: z.number() }), ...errors },
      },
    },
    async (request, reply) => {
      const row = await requestChange(db(), requireActor(request), request.params.id, request.body);
      return reply.status(201).send({ id: row.id });
    },
  );

  app.post(
    '/api/innovation/changes/:id/decision',
    {
      config: { access: changePolicy.access('decide') },
      schema: {
        tags,
        summary: 'Approve (and apply) or reject a change request',
        params: ZId,
        body: ZChangeDecisionInput,
        response: { 200: z.object({ id: z.number(), state: z.string() }), ...errors },
      },
    },
    async (request) => {
      const row = await decideChange(db(), requireActor(request), request.params.id, request.body);
      return { id: row.id, state: row.state };
    },
  );

  app.get(
    '/api/innovation/cycles/:id/changes',
    {
      config: { access: cyclePolicy.access('changes') },
      schema: {
        tags,
        summary: 'Pending change requests of a cycle',
        params: ZId,
        response: { 200: z.array(ZChangeRequest), ...errors },
      },
    },
    async (request) => listChanges(db(), requireActor(request), { cycleId: request.params.id }),
  );

  app.get(
    '/api/innovation/cycles/:id/overdue',
    {
      config: { access: cyclePolicy.access('board') },
      schema: {
        tags,
        summary: 'Open milestones past their due date',
        params: ZId,
        response: { 200: z.array(ZOverdueMilestone), ...errors },
      },
    },
    async (request) => overdueMilestones(db(), requireActor(request), request.params.id),
  );
}
