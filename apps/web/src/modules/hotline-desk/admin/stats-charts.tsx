import type { THotlineStats } from '@lifeline/shared';
import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../admin-kit/echart';
import { useHotlineLabels } from '../labels';

const RED = '#c8102e';
const PALETTE = ['#c8102e', '#f08c00', '#1677ff', '#389e0d', '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c'];

/** Items by category (bar), by month of arrival (line) and by state now (pie). */
export function StatsCharts({ data }: { data: THotlineStats }) {
  const { t } = useTranslation('hotline-desk');
  const labels = useHotlineLabels();
  const byCategory = useMemo<EChartOption>(() => {
    const rows = [...data.byCategory].sort((a, b) => a.n - b.n);
    return {
      color: [RED],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, bottom: 8, top: 16, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map((r) => labels.category(r.category)),
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      series: [{ type: 'bar', name: t('stats.items'), barMaxWidth: 24, data: rows.map((r) => r.n) }],
    };
  }, [data.byCategory, labels, t]);
  const byMonth = useMemo<EChartOption>(() => {
    // Every month of the range, those without items at zero (the server lists only the others).
    const counts = new Map(data.byMonth.map((m) => [m.month, m.n]));
    const months = monthsBetween(data.from, data.to);
    for (const m of counts.keys()) if (!months.includes(m)) months.push(m);
    months.sort();
    return {
      color: [PALETTE[2]],
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'line',
          name: t('stats.items'),
          smooth: true,
          areaStyle: { opacity: 0.08 },
          data: months.map((m) => counts.get(m) ?? 0),
        },
      ],
    };
  }, [data.byMonth, data.from, data.to, t]);
  const byState = useMemo<EChartOption>(
    () => ({
      color: PALETTE,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          name: t('stats.byState'),
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}: {c}' },
          data: data.byState.filter((s) => s.n > 0).map((s) => ({ name: labels.state(s.state), value: s.n })),
        },
      ],
    }),
    [data.byState, labels, t],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('stats.byCategory')}>
          <EChart
            option={byCategory}
            label={t('stats.byCategory')}
            className="ll-hl-chart"
            testId="chart-category"
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('stats.byState')}>
          <EChart option={byState} label={t('stats.byState')} className="ll-hl-chart" testId="chart-state" />
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={t('stats.byMonth')}>
          <EChart option={byMonth} label={t('stats.byMonth')} className="ll-hl-chart" testId="chart-month" />
        </Card>
      </Col>
    </Row>
  );
}

/** The months from one YYYY-MM to another, both included (at most ten years of them). */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  if (!y || !m || !ty || !tm) return out;
  while ((y < ty || (y === ty && m <= tm)) && out.length < 120) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
