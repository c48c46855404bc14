import { HOTLINE_STATES, ZErrorBody, ZHotlineStats, ZHotlineStatsQuery } from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendXlsx } from '../../../platform/excel/xlsx.js';
import { requireActor } from '../../../platform/http/request-context.js';
import { hotlineDeskPolicy } from '../hotline.policy.js';
import { hotlineStats } from './stats.service.js';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['hotline'];
const access = hotlineDeskPolicy.access('stats');

/** The numbers of a subtree and a span of months, on screen and as a workbook. */
export async function statsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;

  app.get(
    '/api/hotline/stats',
    {
      config: { access },
      schema: {
        tags,
        summary: "A subtree's hotline figures",
        querystring: ZHotlineStatsQuery,
        response: { 200: ZHotlineStats, ...errors },
      },
    },
    async (request) => hotlineStats(db(), requireActor(request), request.query),
  );

  app.get(
    '/api/hotline/stats/export',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The figures as an Excel workbook',
        querystring: ZHotlineStatsQuery,
        response: { ...errors },
      },
    },
    async (request, reply) => {
      const s = await hotlineStats(db(), requireActor(request), request.query);
      const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
      const rows: [string, string | number][] = [
        ['单位', s.unit.name],
        ['期间', `${s.from} 至 ${s.to}`],
        ['事项总数', s.total],
        ['按时受理率', pct(s.acceptOnTimeRate)],
        ['按时答复率', pct(s.answerOnTimeRate)],
        ['平均办理（工作日）', s.avgWorkingDays ?? '—'],
        ['90% 办理不超过（工作日）', s.p90WorkingDays ?? '—'],
        ['满意度（1–5）', s.satisfaction ?? '—'],
        ['评价数', s.rated],
        ['重办率', pct(s.reopenRate)],
        ...s.byCategory.map((c): [string, number] => [`类别：${c.category}`, c.n]),
        ...s.byState.map((c): [string, number] => [
          `状态：${HOTLINE_STATES.find((x) => x.code === c.state)?.zh ?? c.state}`,
          c.n,
        ]),
        ...s.byMonth.map((c): [string, number] => [`月份：${c.month}`, c.n]),
        ...s.mostOverdue.map((u): [string, number] => [`超期：${u.name}`, u.overdue]),
      ];
      async function* all() {
        yield rows;
      }
      return sendXlsx(
        reply,
        `职工快线统计-${s.unit.name}-${s.from}-${s.to}.xlsx`,
        '统计',
        [
          { header: '指标', width: 32, value: (r: [string, string | number]) => r[0] },
          { header: '数值', width: 24, value: (r: [string, string | number]) => r[1] },
        ],
        all(),
      );
    },
  );
}
