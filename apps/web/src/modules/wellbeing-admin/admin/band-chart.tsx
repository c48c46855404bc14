import { Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../admin-kit/echart';
import type { BandShare } from '../bands';

type Band = { code: string; name: string; color: string };

/**
 * The band distribution of each shown group as a bar of 100%, so that groups of different
 * sizes compare; the tooltip gives the people behind each share. Hidden groups are not drawn.
 */
export function BandChart({ title, rows, bands }: { title: string; rows: BandShare[]; bands: Band[] }) {
  const { t } = useTranslation('wellbeing-admin');
  const height = Math.max(220, rows.length * 40 + 90);
  const option = useMemo<EChartOption>(() => {
    // Top to bottom in table order: a category axis draws its first entry at the bottom.
    const ordered = [...rows].reverse();
    return {
      color: bands.map((b) => b.color),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const list = params as {
            axisValue: string;
            dataIndex: number;
            seriesIndex: number;
            marker: string;
          }[];
          if (!list.length) return '';
          const row = ordered[list[0].dataIndex];
          const lines = list.map((p) => {
            const band = bands[p.seriesIndex];
            const n = row.counts[band.code] ?? 0;
            const share = row.participants ? Math.round((n / row.participants) * 1000) / 10 : 0;
            return `${p.marker}${band.name}: ${t('stats.chartValue', { count: n, share })}`;
          });
          return [
            `<strong>${escapeHtml(row.name)}</strong>`,
            t('stats.chartParticipants', { count: row.participants }),
            ...lines,
          ].join('<br/>');
        },
      },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => r.name),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      series: bands.map((b) => ({
        name: b.name,
        type: 'bar',
        stack: 'share',
        barMaxWidth: 28,
        data: ordered.map((r) =>
          r.participants ? Math.round(((r.counts[b.code] ?? 0) / r.participants) * 1000) / 10 : 0,
        ),
      })),
    };
  }, [rows, bands, t]);
  return (
    <Card size="small" title={title}>
      <EChart option={option} label={title} className="ll-wb-chart" height={height} />
    </Card>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
