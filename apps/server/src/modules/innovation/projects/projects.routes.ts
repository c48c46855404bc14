import {
  ZAttachment,
  ZErrorBody,
  ZProject,
  ZProjectCreate,
  ZProjectListQuery,
  ZProjectPage,
  ZProjectRevision,
  ZProjectUpdate,
  ZTransitionInput,
} from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.js';
import { sendFile } from '../../../platform/files/files.service.js';
import { requireActor } from '../../../platform/http/request-context.js';
import { addAttachment, projectAttachment, removeAttachment } from './attachments.service.js';
import { projectPolicy as policy } from './projects.policy.js';
import { presentProject, presentSummaries } from './projects.presenter.js';
import { createProject, listProjects, updateProject } from './projects.service.js';
import { projectRevisions } from './revisions.service.js';
import { transitionProject } from './transitions.service.js';
import { visibleProject } from './visible-project.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const ZFileParams = ZId.extend({ fileId: z.uuid() });
const errors = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  413: ZErrorBody,
  415: ZErrorBody,
};
const tags = ['innovation'];

/** Declarations and projects: drafting, the workflow, revisions and attachments. */
export async function projectRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.lifeline;
  const db = () => app.lifeline.database.db;

  app.get(
    '/api/innovation/projects',
    {
      config: { access: policy.access('list') },
      schema: {
        tags,
        summary: 'Projects I may see (drafts only of my own units), filtered and paged',
        querystring: ZProjectListQuery,
        response: { 200: ZProjectPage, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const page = await listProjects(db(), actor, request.query);
      return { total: page.total, items: presentSummaries(actor, page.items) };
    },
  );

  app.post(
    '/api/innovation/projects',
    {
      config: { access: policy.access('create') },
      schema: {
        tags,
        summary: 'Start a declaration (a draft)',
        body: ZProjectCreate,
        response: { 201: ZProject, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const p = await createProject(db(), actor, request.body);
      return reply.status(201).send(await presentProject(db(), actor, p));
    },
  );

  app.get(
    '/api/innovation/projects/:id',
    {
      config: { access: policy.access('read') },
      schema: {
        tags,
        summary: 'A project with its history and my abilities on it',
        params: ZId,
        response: { 200: ZProject, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentProject(db(), actor, await visibleProject(db(), actor, request.params.id));
    },
  );

  app.patch(
    '/api/innovation/projects/:id',
    {
      config: { access: policy.access('edit') },
      schema: {
        tags,
        summary: 'Edit a draft or a returned declaration',
        params: ZId,
        body: ZProjectUpdate,
        response: { 200: ZProject, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const p = await updateProject(db(), actor, request.params.id, request.body);
      return presentProject(db(), actor, p);
    },
  );

  app.post(
    '/api/innovation/projects/:id/transitions',
    {
      config: { access: policy.access('move') },
      schema: {
        tags,
        summary: 'Take a workflow action (the permission depends on the action; see the transition table)',
        params: ZId,
        body: ZTransitionInput,
        response: { 200: ZProject, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const p = await transitionProject(db(), actor, request.params.id, request.body);
      return presentProject(db(), actor, p);
    },
  );

  app.get(
    '/api/innovation/projects/:id/revisions',
    {
      config: { access: policy.access('read') },
      schema: {
        tags,
        summary: 'Every submitted version, each with its changes from the one before',
        params: ZId,
        response: { 200: z.array(ZProjectRevision), ...errors },
      },
    },
    async (request) => projectRevisions(db(), requireActor(request), request.params.id),
  );

  app.post(
    '/api/innovation/projects/:id/attachments',
    {
      config: { access: policy.access('attach') },
      schema: {
        tags,
        summary: 'Attach a document (PDF, Word, Excel, PowerPoint, image; multipart field "file")',
        consumes: ['multipart/form-data'],
        params: ZId,
        response: { 201: ZAttachment, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const part = await request.file();
      if (!part) throw new AppError('validation_failed', 'Attach the file in the field "file"');
      const bytes = await part.toBuffer();
      const f = await addAttachment(db(), ctx().files, actor, request.params.id, {
        bytes,
        filename: part.filename,
      });
      return reply
        .status(201)
        .send({ id: f.id, name: f.originalName, mime: f.mime, size: f.size, uploadedAt: f.createdAt });
    },
  );

  app.get(
    '/api/innovation/projects/:id/attachments/:fileId',
    {
      config: { access: policy.access('read') },
      schema: { tags, summary: 'Download an attachment', params: ZFileParams },
    },
    async (request, reply) => {
      const file = await projectAttachment(
        db(),
        requireActor(request),
        request.params.id,
        request.params.fileId,
      );
      return sendFile(reply, ctx().files, file);
    },
  );

  app.delete(
    '/api/innovation/projects/:id/attachments/:fileId',
    {
      config: { access: policy.access('detach') },
      schema: {
        tags,
        summary: 'Remove an attachment of a draft',
        params: ZFileParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeAttachment(db(), requireActor(request), request.params.id, request.params.fileId);
      return reply.status(204).send(null);
    },
  );
}
