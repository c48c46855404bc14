import { ZErrorBody, ZExportJob } from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/errors.js';
import { findMyExport } from '../../platform/exports/exports.service.js';
import { getFile, sendFile } from '../../platform/files/files.service.js';
import { requireActor } from '../../platform/http/request-context.js';
import { presentExport } from './exports.presenter.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 404: ZErrorBody };
const tags = ['exports'];

/**
 * My exports: their progress and, when done, the file. A module starts an export on its own
 * route (which decides who may export what); from then on the export belongs to the person who
 * asked, and anyone else gets 404.
 */
export async function exportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.lifeline;

  app.get(
    '/api/exports/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One of my exports: state and progress',
        params: ZId,
        response: { 200: ZExportJob, ...errors },
      },
    },
    async (request, reply) => {
      const row = await findMyExport(ctx().database.db, requireActor(request), request.params.id);
      return reply.send(presentExport(row));
    },
  );

  app.get(
    '/api/exports/:id/file',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The file of one of my finished exports',
        params: ZId,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const row = await findMyExport(ctx().database.db, requireActor(request), request.params.id);
      if (row.state !== 'done' || !row.fileId) throw notFound('Export file');
      const file = await getFile(ctx().database.db, row.fileId);
      return sendFile(reply, ctx().files, file);
    },
  );
}
