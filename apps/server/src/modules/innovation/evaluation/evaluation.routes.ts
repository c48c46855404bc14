import {
  ZAssignment,
  ZAssignReviewersInput,
  ZConflict,
  ZConflictInput,
  ZErrorBody,
  ZEvaluationBoard,
  ZMyReview,
  ZReview,
  ZScoreInput,
} from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/http/request-context.js';
import { cyclePolicy } from '../cycles/cycles.policy.js';
import { projectPolicy } from '../projects/projects.policy.js';
import { evaluationBoard } from './board.service.js';
import { conflictPolicy, reviewPolicy } from './reviews.policy.js';
import {
  assignReviewers,
  declareConflict,
  myConflicts,
  myReviews,
  presentReview,
  projectReviewers,
  removeReviewer,
  reviewDetail,
  saveReview,
  withdrawConflict,
} from './reviews.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['innovation'];

/** Evaluation (评选): reviewers without conflicts, blind scoring, and the aggregated ranking. */
export async function evaluationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;

  app.post(
    '/api/innovation/projects/:id/reviewers',
    {
      config: { access: projectPolicy.access('assignReviewers') },
      schema: {
        tags,
        summary: 'Assign reviewers to a completed project (refused for any with a conflict)',
        params: ZId,
        body: ZAssignReviewersInput,
        response: { 201: z.object({ assigned: z.number() }), ...errors },
      },
    },
    async (request, reply) => {
      const added = await assignReviewers(
        db(),
        requireActor(request),
        request.params.id,
        request.body.reviewerIds,
      );
      return reply.status(201).send({ assigned: added.length });
    },
  );

  app.get(
    '/api/innovation/projects/:id/reviewers',
    {
      config: { access: projectPolicy.access('readReviewers') },
      schema: {
        tags,
        summary: 'Reviewers assigned to a project and whether they submitted',
        params: ZId,
        response: { 200: z.array(ZAssignment), ...errors },
      },
    },
    async (request) => projectReviewers(db(), requireActor(request), request.params.id),
  );

  app.delete(
    '/api/innovation/projects/:id/reviewers/:reviewerId',
    {
      config: { access: projectPolicy.access('removeReviewer') },
      schema: {
        tags,
        summary: 'Take a reviewer off a project before they submitted',
        params: ZId.extend({ reviewerId: z.coerce.number().int().positive() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeReviewer(db(), requireActor(request), request.params.id, request.params.reviewerId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/innovation/conflicts',
    {
      config: { access: conflictPolicy.access('own') },
      schema: { tags, summary: 'The conflicts I declared', response: { 200: z.array(ZConflict), ...errors } },
    },
    async (request) => myConflicts(db(), requireActor(request)),
  );

  app.delete(
    '/api/innovation/conflicts/:id',
    {
      config: { access: conflictPolicy.access('own') },
      schema: {
        tags,
        summary: 'Withdraw a conflict I declared',
        params: ZId,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await withdrawConflict(db(), requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/innovation/conflicts',
    {
      config: { access: conflictPolicy.access('declare') },
      schema: {
        tags,
        summary: 'Declare my conflict of interest with a project or a unit',
        body: ZConflictInput,
        response: { 201: z.object({ id: z.number() }), ...errors },
      },
    },
    async (request, reply) => {
      const row = await declareConflict(db(), requireActor(request), request.body);
      return reply.status(201).send({ id: row.id });
    },
  );

  app.get(
    '/api/innovation/reviews',
    {
      config: { access: reviewPolicy.access('read') },
      schema: { tags, summary: 'My review assignments', response: { 200: z.array(ZMyReview), ...errors } },
    },
    async (request) => myReviews(db(), requireActor(request)),
  );

  app.get(
    '/api/innovation/reviews/:id',
    {
      config: { access: reviewPolicy.access('read') },
      schema: {
        tags,
        summary: 'One of my reviews (the others’ only after I submitted mine)',
        params: ZId,
        response: { 200: ZMyReview, ...errors },
      },
    },
    async (request) => reviewDetail(db(), requireActor(request), request.params.id),
  );

  app.put(
    '/api/innovation/reviews/:id',
    {
      config: { access: reviewPolicy.access('save') },
      schema: {
        tags,
        summary: 'Save or submit my scores',
        params: ZId,
        body: ZScoreInput,
        response: { 200: ZReview, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const r = await saveReview(db(), actor, request.params.id, request.body);
      return presentReview(r, { id: actor.personId, name: actor.name, employeeNo: actor.employeeNo });
    },
  );

  app.get(
    '/api/innovation/cycles/:id/evaluation',
    {
      config: { access: cyclePolicy.access('scores') },
      schema: {
        tags,
        summary: 'Aggregated scores, disagreement flags and rankings (raw and normalised) per level',
        params: ZId,
        response: { 200: ZEvaluationBoard, ...errors },
      },
    },
    async (request) => evaluationBoard(db(), requireActor(request), request.params.id),
  );
}
