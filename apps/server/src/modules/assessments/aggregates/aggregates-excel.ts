import type { TAggregate, TAggregateRow } from '@lifeline/shared';
import type { FastifyReply } from 'fastify';
import { sendXlsx, type XlsxColumn } from '../../../platform/excel/xlsx.js';

const HIDDEN = { small_group: '不足10人，不显示', complementary: '为防推算，不显示' } as const;

/** The aggregate table as a workbook: the same suppression as on screen, with the reason in words. */
export function sendAggregateXlsx(reply: FastifyReply, data: TAggregate): FastifyReply {
  const rate = (r: TAggregateRow) =>
    r.participants === null || r.headcount === 0
      ? null
      : Math.round((r.participants / r.headcount) * 1000) / 10;
  const columns: XlsxColumn<TAggregateRow>[] = [
    {
      header: '单位',
      width: 28,
      value: (r) => (r.unitId === null && r !== data.total ? `${r.name}（本级）` : r.name),
    },
    { header: '在职人数', value: (r) => r.headcount },
    { header: '参与人数', value: (r) => r.participants ?? '—' },
    { header: '参与率(%)', value: (r) => rate(r) ?? '—' },
    ...data.bands.map(
      (b): XlsxColumn<TAggregateRow> => ({
        header: b.label.zh,
        value: (r) => (r.counts ? (r.counts[b.code] ?? 0) : '—'),
      }),
    ),
    { header: '说明', width: 22, value: (r) => (r.suppressed ? HIDDEN[r.suppressed] : '') },
  ];
  const period = data.period.quarter
    ? `${data.period.year}年第${data.period.quarter}季度`
    : `${data.period.year}年`;
  async function* rows() {
    yield [data.total, ...data.rows];
  }
  return sendXlsx(reply, `${data.unit.name}-${data.name.zh}-${period}.xlsx`, '汇总', columns, rows());
}
