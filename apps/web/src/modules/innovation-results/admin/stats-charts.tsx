import { INNOVATION_LEVELS, type TCycleStats } from '@lifeline/shared';
import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../admin-kit/echart';
import { useLabels } from '../../admin-kit/labels';
import { fenToWan } from '../money';

const PALETTE = ['#c8102e', '#f08c00', '#1677ff', '#8c8c8c', '#389e0d'];

/** Approved projects by level with the approval rate, and the money granted and paid, per cycle. */
export function StatsCharts({ cycles, pending }: { cycles: TCycleStats[]; pending: number[] }) {
  const { t } = useTranslation('innovation-results');
  const labels = useLabels();
  const names = cycles.map((c) => c.name);

  const approvals: EChartOption = {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, bottom: 8, top: 56, containLabel: true },
    xAxis: { type: 'category', data: names },
    yAxis: [
      { type: 'value', name: t('stats.chartProjects'), minInterval: 1 },
      {
        type: 'value',
        name: t('stats.rate'),
        min: 0,
        max: 100,
        axisLabel: { formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      ...INNOVATION_LEVELS.map((l) => ({
        name: labels.label(INNOVATION_LEVELS, l.code),
        type: 'bar',
        stack: 'approved',
        barMaxWidth: 48,
        data: cycles.map((c) => c.approvedByLevel[l.code] ?? 0),
      })),
      {
        name: t('stats.declared'),
        type: 'bar',
        barMaxWidth: 48,
        itemStyle: { color: 'rgba(0,0,0,0.12)' },
        data: cycles.map((c) => c.declared),
      },
      {
        name: t('stats.rate'),
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        itemStyle: { color: '#389e0d' },
        label: { show: true, formatter: '{c}%' },
        data: cycles.map((c) => (pending.includes(c.cycleId) ? null : c.approvalRate)),
      },
    ],
  };

  const money: EChartOption = {
    color: ['#c8102e', '#f08c00'],
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => t('stats.wanValue', { value: v }) },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 56, containLabel: true },
    xAxis: { type: 'category', data: names },
    yAxis: { type: 'value', name: t('stats.wan') },
    series: [
      {
        name: t('stats.funding'),
        type: 'bar',
        barMaxWidth: 40,
        data: cycles.map((c) => fenToWan(c.fundingGrantedFen)),
      },
      {
        name: t('stats.awardsPaid'),
        type: 'bar',
        barMaxWidth: 40,
        data: cycles.map((c) => fenToWan(c.awardsPaidFen)),
      },
    ],
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('stats.chartApprovals')}>
          <EChart option={approvals} label={t('stats.chartApprovals')} className="ll-chart" />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('stats.chartMoney')}>
          <EChart option={money} label={t('stats.chartMoney')} className="ll-chart" />
        </Card>
      </Col>
    </Row>
  );
}
