import {
  ZErrorBody,
  ZExportJob,
  ZImportCommit,
  ZPage,
  ZPeopleImport,
  ZPeopleImportQuery,
  ZPeopleImportSummary,
  ZPeopleQuery,
} from '@lifeline/shared';
import { and, asc, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../platform/authz/actor.js';
import type { Db } from '../../platform/db/types.js';
import { AppError, notFound } from '../../platform/errors.js';
import { sendXlsx } from '../../platform/excel/xlsx.js';
import { startExport } from '../../platform/exports/exports.service.js';
import { getFile, sendFile } from '../../platform/files/files.service.js';
import { requireActor } from '../../platform/http/request-context.js';
import { presentExport } from '../exports/index.js';
import { orgUnits, standsSql } from '../org-units/index.js';
import { commitImport, findImport, presentImport, startImport } from './import/import.service.js';
import { listMyImports } from './import/import-list.js';
import { buildTemplate } from './import/template.js';
import { personImportPolicy, personPolicy } from './people.policy.js';
import { peopleWhere, readPeople } from './people.service.js';
import { PEOPLE_EXPORT_COLUMNS, type PeopleExportParams, peopleExporter } from './people-export.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  413: ZErrorBody,
  415: ZErrorBody,
};
const tags = ['people'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The roster in Excel: the template, the export of a filtered list, and the import wizard's steps. */
export async function peopleExcelRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.lifeline;

  app.get(
    '/api/people/import-template.xlsx',
    {
      config: { access: personPolicy.access('import') },
      schema: {
        tags,
        summary: 'The roster import template (Chinese columns and allowed values)',
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const units = await ctx()
        .database.db.select({ code: orgUnits.code, name: orgUnits.name, path: orgUnits.path })
        .from(orgUnits)
        .where(
          and(personPolicy.scope(actor, 'import', orgUnits.path), standsSql(sql`${orgUnits.dissolvedOn}`)),
        )
        .orderBy(asc(orgUnits.path));
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent('人员导入模板.xlsx')}`,
        )
        .send(await buildTemplate(units));
    },
  );

  app.get(
    '/api/people/export.xlsx',
    {
      config: { access: personPolicy.access('export') },
      schema: {
        tags,
        summary: 'The filtered list as .xlsx, in the import template’s columns (ID cards masked)',
        querystring: ZPeopleQuery.omit({ page: true, pageSize: true }),
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const db = ctx().database.db;
      const where = await peopleWhere(db, actor, request.query, 'export'); // filters and scope checked before the download starts
      await auditExport(db, actor, request.query);
      return sendXlsx(reply, '人员名单.xlsx', '人员名单', PEOPLE_EXPORT_COLUMNS, readPeople(db, where));
    },
  );

  app.post(
    '/api/people/exports',
    {
      config: { access: personPolicy.access('export') },
      schema: {
        tags,
        summary: 'Export the filtered list as a job (for large lists): follow it at /api/exports/{id}',
        body: ZPeopleQuery.omit({ page: true, pageSize: true }),
        response: { 202: ZExportJob, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const db = ctx().database.db;
      await peopleWhere(db, actor, request.body, 'export'); // filters and scope checked before the job is queued
      await auditExport(db, actor, request.body);
      const job = await startExport(db, actor, peopleExporter, request.body);
      return reply.status(202).send(presentExport(job));
    },
  );

  app.post(
    '/api/people/imports',
    {
      config: { access: personImportPolicy.access('start') },
      schema: {
        tags,
        summary: 'Upload a roster (.xlsx, multipart field "file"); validation runs as a job',
        consumes: ['multipart/form-data'],
        response: { 202: ZPeopleImport, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const part = await request.file();
      if (!part) throw new AppError('validation_failed', 'Attach the .xlsx file in the field "file"');
      const bytes = await part.toBuffer();
      const row = await startImport(ctx().database.db, ctx().files, actor, {
        bytes,
        fileName: part.filename,
      });
      return reply.status(202).send(presentImport(row));
    },
  );

  app.get(
    '/api/people/imports',
    {
      config: { access: personImportPolicy.access('list') },
      schema: {
        tags,
        summary: 'My roster imports, newest first: state, counts, column notes, whether a report exists',
        querystring: ZPeopleImportQuery,
        response: { 200: ZPage(ZPeopleImportSummary), ...errors },
      },
    },
    async (request) => listMyImports(ctx().database.db, requireActor(request), request.query),
  );

  app.get(
    '/api/people/imports/:id',
    {
      config: { access: personImportPolicy.access('read') },
      schema: {
        tags,
        summary: 'An import’s state, progress and counts',
        params: ZId,
        response: { 200: ZPeopleImport, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(presentImport(await findImport(ctx().database.db, requireActor(request), request.params.id))),
  );

  app.get(
    '/api/people/imports/:id/errors.xlsx',
    {
      config: { access: personImportPolicy.access('read') },
      schema: { tags, summary: 'The per-row error report', params: ZId, produces: [XLSX] },
    },
    async (request, reply) => {
      const imp = await findImport(ctx().database.db, requireActor(request), request.params.id);
      if (!imp.errorReportFileId) throw notFound('Error report');
      return sendFile(reply, ctx().files, await getFile(ctx().database.db, imp.errorReportFileId));
    },
  );

  app.post(
    '/api/people/imports/:id/commit',
    {
      config: { access: personImportPolicy.access('commit') },
      schema: {
        tags,
        summary:
          'Confirm: import all rows (only if none failed) or only the valid rows; for a full roster, optionally mark the people in post its units leave out as resigned or transferred out',
        params: ZId,
        body: ZImportCommit,
        response: { 202: ZPeopleImport, ...errors },
      },
    },
    async (request, reply) => {
      const row = await commitImport(
        ctx().database.db,
        requireActor(request),
        request.params.id,
        request.body.mode,
        request.body.missingAs,
      );
      return reply.status(202).send(presentImport(row));
    },
  );
}

function auditExport(db: Db, actor: Actor, filters: PeopleExportParams) {
  return writeAudit(db, auditActor(actor), {
    action: 'person.export',
    recordType: 'person',
    details: { filters },
  });
}
