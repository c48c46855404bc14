import type { THotlineStats } from '@lifeline/shared';
import { Card, Col, Row } from 'antd';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useHotlineLabels } from '../labels';

// Only what the three charts use, so that the lazily loaded chunk stays small.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

const RED = '#c8102e';
const PALETTE = ['#c8102e', '#f08c00', '#1677ff', '#389e0d', '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c'];

/** One ECharts instance in a div, resized with its box and disposed with the component. */
function Chart({
  option,
  label,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  label: string;
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={box} className="ll-hl-chart" role="img" aria-label={label} data-testid={testId} />;
}

/** Items by category (bar), by month of arrival (line) and by state now (pie). */
export function StatsCharts({ data }: { data: THotlineStats }) {
  const { t } = useTranslation('hotline-desk');
  const labels = useHotlineLabels();
  const byCategory = useMemo<echarts.EChartsCoreOption>(() => {
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
  const byMonth = useMemo<echarts.EChartsCoreOption>(() => {
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
  const byState = useMemo<echarts.EChartsCoreOption>(
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
          <Chart option={byCategory} label={t('stats.byCategory')} testId="chart-category" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('stats.byState')}>
          <Chart option={byState} label={t('stats.byState')} testId="chart-state" />
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={t('stats.byMonth')}>
          <Chart option={byMonth} label={t('stats.byMonth')} testId="chart-month" />
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
