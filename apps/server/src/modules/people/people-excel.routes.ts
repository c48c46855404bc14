import {
  CADRE_RANKS,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  GENDERS,
  POLITICAL_STATUSES,
  POSITIONS,
  ZErrorBody,
  ZImportCommit,
  ZPeopleImport,
  ZPeopleQuery,
} from '@lifeline/shared';
import { and, asc, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/authz/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { pages, sendXlsx } from '../../platform/excel/xlsx.js';
import { getFile, sendFile } from '../../platform/files/files.service.js';
import { requireActor } from '../../platform/http/request-context.js';
import { orgUnits, standsSql } from '../org-units/index.js';
import { commitImport, findImport, presentImport, startImport } from './import/import.service.js';
import { buildTemplate } from './import/template.js';
import { personImportPolicy, personPolicy } from './people.policy.js';
import { listPeople } from './people.service.js';
import { headerText, optionLabel, ROSTER_COLUMNS } from './people-excel.js';

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
      const q = { ...request.query, page: 1, pageSize: 1 };
      await listPeople(db, actor, q, 'export'); // checks the filters and their scope before the download starts
      await writeAudit(db, auditActor(actor), {
        action: 'person.export',
        recordType: 'person',
        details: { filters: request.query },
      });
      const codes = new Map(
        (await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits)).map((u) => [u.id, u.code]),
      );
      const labels: Record<string, (v: unknown) => string> = {
        gender: (v) => optionLabel(GENDERS, v as string),
        politicalStatus: (v) => optionLabel(POLITICAL_STATUSES, v as string),
        positions: (v) => (v as string[]).map((p) => optionLabel(POSITIONS, p)).join('、'),
        cadreRank: (v) => optionLabel(CADRE_RANKS, v as string | null),
        education: (v) => optionLabel(EDUCATION_LEVELS, v as string | null),
        employmentStatus: (v) => optionLabel(EMPLOYMENT_STATUSES, v as string),
      };
      type Row = Awaited<ReturnType<typeof listPeople>>['items'][number];
      return sendXlsx<Row>(
        reply,
        '人员名单.xlsx',
        '人员名单',
        ROSTER_COLUMNS.map((c) => ({
          header: headerText(c),
          width: c.width,
          value: (r: Row) => {
            if (c.key === 'unitCode') return codes.get(r.unitId) ?? '';
            if (c.key === 'idCard') return r.idCardMasked;
            const v = (r as unknown as Record<string, unknown>)[c.key];
            return labels[c.key] ? labels[c.key](v) : ((v as string | null) ?? '');
          },
        })),
        pages(async (offset, limit) => {
          const page = await listPeople(
            db,
            actor,
            { ...q, page: offset / limit + 1, pageSize: limit },
            'export',
          );
          return page.items;
        }, 200),
      );
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
        summary: 'Confirm: import all rows (only if none failed) or only the valid rows',
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
      );
      return reply.status(202).send(presentImport(row));
    },
  );
}
