import {
  ZCycle,
  ZCycleInput,
  ZCycleNotice,
  ZCycleUpdate,
  ZErrorBody,
  ZInnovationStats,
  ZProjectBoard,
  ZStatsQuery,
} from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx } from '../../../platform/excel/xlsx.js';
import { requireActor } from '../../../platform/http/request-context.js';
import { projectBoard } from '../projects/projects.service.js';
import { innovationStats } from '../stats/stats.service.js';
import { cyclePolicy as policy } from './cycles.policy.js';
import {
  createCycle,
  listCycles,
  presentCycle,
  publicNotices,
  rubricLocked,
  rubricLockedMany,
  updateCycle,
  visibleCycle,
} from './cycles.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['innovation'];
const yuan = (fen: number) => fen / 100;

/** Cycles (届): their settings, the secretariat's board, and the numbers across cycles. */
export async function cycleRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;

  app.get(
    '/api/innovation/cycles',
    {
      config: { access: policy.access('read') },
      schema: {
        tags,
        summary: 'Cycles I can see, newest first',
        response: { 200: z.array(ZCycle), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await listCycles(db(), actor);
      const locked = await rubricLockedMany(db(), rows);
      return rows.map((c) => presentCycle(actor, c, locked.has(c.id)));
    },
  );

  app.get(
    '/api/innovation/notices',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'What the cycles above me made public: approved lists, awards in publicity, conferences',
        response: { 200: z.array(ZCycleNotice), ...errors },
      },
    },
    async (request) => publicNotices(db(), requireActor(request)),
  );

  app.post(
    '/api/innovation/cycles',
    {
      config: { access: policy.access('create') },
      schema: { tags, summary: 'Open a cycle', body: ZCycleInput, response: { 201: ZCycle, ...errors } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const c = await createCycle(db(), actor, request.body);
      return reply.status(201).send(presentCycle(actor, c, false));
    },
  );

  app.get(
    '/api/innovation/cycles/:id',
    {
      config: { access: policy.access('read') },
      schema: { tags, summary: 'One cycle', params: ZId, response: { 200: ZCycle, ...errors } },
    },
    async (request) => {
      const actor = requireActor(request);
      const c = await visibleCycle(db(), actor, request.params.id);
      return presentCycle(actor, c, await rubricLocked(db(), c));
    },
  );

  app.patch(
    '/api/innovation/cycles/:id',
    {
      config: { access: policy.access('update') },
      schema: {
        tags,
        summary: 'Change a cycle (the rubric only before evaluation opens)',
        params: ZId,
        body: ZCycleUpdate,
        response: { 200: ZCycle, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const c = await updateCycle(db(), actor, request.params.id, request.body);
      return presentCycle(actor, c, await rubricLocked(db(), c));
    },
  );

  app.get(
    '/api/innovation/cycles/:id/board',
    {
      config: { access: policy.access('board') },
      schema: {
        tags,
        summary: 'Applications of a cycle by state, unit, level and category',
        params: ZId,
        response: { 200: ZProjectBoard, ...errors },
      },
    },
    async (request) => projectBoard(db(), requireActor(request), request.params.id),
  );

  app.get(
    '/api/innovation/stats',
    {
      config: { access: policy.access('stats') },
      schema: {
        tags,
        summary: 'Figures per cycle compared with earlier cycles, and results commended in a span of years',
        querystring: ZStatsQuery,
        response: { 200: ZInnovationStats, ...errors },
      },
    },
    async (request) => innovationStats(db(), requireActor(request), request.query),
  );

  app.get(
    '/api/innovation/stats.xlsx',
    {
      config: { access: policy.access('stats') },
      schema: { tags, summary: 'The figures per cycle as an Excel file', querystring: ZStatsQuery },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const stats = await innovationStats(db(), actor, request.query);
      type Row = (typeof stats.cycles)[number];
      return sendXlsx<Row>(
        reply,
        '创新课题统计.xlsx',
        '各届统计',
        [
          { header: '届次 Cycle', value: (r) => r.name },
          { header: '年度 Years', value: (r) => `${r.startYear}–${r.endYear}` },
          { header: '申报 Declared', value: (r) => r.declared },
          { header: '立项 Approved', value: (r) => r.approved },
          { header: '公司级重点 Company key', value: (r) => r.approvedByLevel.company_key ?? 0 },
          { header: '厂级 Plant', value: (r) => r.approvedByLevel.plant ?? 0 },
          { header: '支部级 Branch', value: (r) => r.approvedByLevel.branch ?? 0 },
          { header: '立项率% Rate', value: (r) => r.approvalRate },
          { header: '资助(元) Funding', value: (r) => yuan(r.fundingGrantedFen) },
          { header: '奖励(元) Awards', value: (r) => yuan(r.awardsPaidFen) },
          { header: '表彰成果 Commended', value: (r) => r.commended },
          { header: '历届最多 Most ever', value: (r) => (r.mostApprovedEver ? '是' : '') },
        ],
        (async function* () {
          yield stats.cycles;
        })(),
      );
    },
  );
}
