import {
  AUDIT_ACTIONS,
  AUDIT_RECORD_TYPES,
  auditLabel,
  ZAuditEvent,
  ZAuditQuery,
  ZErrorBody,
  ZPage,
} from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendXlsx } from '../../platform/excel/xlsx.js';
import { requireActor } from '../../platform/http/request-context.js';
import { changesText } from './audit-changes-text.js';
import { auditPolicy as policy } from './audit-log.policy.js';
import { auditBatches, auditRows, listAudit, recordReveal } from './audit-log.service.js';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['audit'];
const ZExportQuery = ZAuditQuery.omit({ page: true, pageSize: true });

/** The audit trail viewer and its Excel export, for administrators of the relevant subtree. */
export async function auditLogRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;

  app.get(
    '/api/audit-events',
    {
      config: { access: policy.access('read') },
      schema: {
        tags,
        summary: 'Audit events in my scope, newest first',
        querystring: ZAuditQuery,
        response: { 200: ZPage(ZAuditEvent), ...errors },
      },
    },
    async (request) => listAudit(db(), requireActor(request), request.query),
  );

  app.get(
    '/api/audit-events/export.xlsx',
    {
      config: { access: policy.access('read') },
      schema: {
        tags,
        summary: 'The filtered audit events as .xlsx',
        querystring: ZExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const q = request.query;
      // Validate the filters (and their scope) before the download starts.
      await recordReveal(db(), actor, q);
      await auditRows(db(), actor, q, 0, 1);
      return sendXlsx(
        reply,
        '审计日志.xlsx',
        '审计日志',
        [
          { header: '时间 Time (北京时间)', width: 18, kind: 'datetime', value: (r) => r.at },
          { header: '操作人 Actor', value: (r) => r.actorName },
          { header: '角色 Role', value: (r) => r.actorRole },
          { header: '操作 Action', width: 24, value: (r) => auditLabel(AUDIT_ACTIONS, r.action) },
          { header: '对象 Record', value: (r) => auditLabel(AUDIT_RECORD_TYPES, r.recordType) },
          { header: '编号 Id', value: (r) => r.recordId },
          { header: '单位 Unit', width: 24, value: (r) => r.unitName },
          { header: '变更 Changes', width: 60, value: (r) => changesText(r.changes) },
          { header: '地址 Address', value: (r) => r.ip },
          { header: '请求 Request', width: 38, value: (r) => r.requestId },
        ],
        auditBatches(db(), actor, q),
      );
    },
  );
}
