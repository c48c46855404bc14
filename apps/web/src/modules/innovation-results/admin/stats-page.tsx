import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined, RiseOutlined } from '@ant-design/icons';
import { INNOVATION_LEVELS, type TCyclePhase, type TCycleStats } from '@lifeline/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../i18n/error-message';
import { downloadFile, queryString } from '../../admin-kit/files';
import { useLabels } from '../../admin-kit/labels';
import { LoadingCard } from '../../admin-kit/loading-card';
import { useUrlFilters } from '../../admin-kit/url-filters';
import { useCycles, useStats } from '../api';
import { formatYuan } from '../money';
import { ResultsFrame } from './results-frame';
import './results.css';

// ECharts is large: it is loaded only when the statistics are opened, never with other pages.
const StatsCharts = lazy(() => import('./stats-charts').then((m) => ({ default: m.StatsCharts })));

const LEVELS = INNOVATION_LEVELS.map((l) => l.code);
const PENDING_PHASES: readonly TCyclePhase[] = ['upcoming', 'declaration', 'review', 'decision'];

function yearParam(v: string | undefined): number | undefined {
  const n = Number(v);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined;
}

/** A percentage as the server gives it (one decimal). */
function percent(v: number | null, lang: string): string | null {
  return v === null ? null : `${v.toLocaleString(lang, { maximumFractionDigits: 1 })}%`;
}

/**
 * The figures of every cycle, compared with the ones before (declared, approved by level, the
 * approval rate, funding, awards, commended results, "most ever"), as a table, charts and an
 * Excel file; and the results commended at conferences held within a chosen span of years.
 */
export function StatsPage() {
  const { t } = useTranslation(['innovation-results', 'admin-kit', 'errors']);
  const labels = useLabels();
  const { message } = App.useApp();
  const [url, setUrl] = useUrlFilters(['from', 'to'] as const);
  const fromYear = yearParam(url.from);
  const toYear = yearParam(url.to);
  const stats = useStats({ fromYear, toYear });
  const cycles = useCycles();
  const [exporting, setExporting] = useState(false);
  const none = t('admin-kit:none');
  const thisYear = new Date().getFullYear();
  const first = Math.min(thisYear, ...(cycles.data ?? []).map((c) => c.startYear));
  const last = Math.max(thisYear, ...(cycles.data ?? []).map((c) => c.endYear));
  const years = Array.from({ length: last - first + 1 }, (_, i) => last - i);
  const rows = stats.data?.cycles ?? [];
  // A cycle still before its decision has no approvals yet: its rate and change would mislead.
  const deciding = (c: TCycleStats) => {
    const phase = cycles.data?.find((x) => x.id === c.cycleId)?.phase;
    return phase !== undefined && PENDING_PHASES.includes(phase);
  };
  // Which cycle is the newest decided one is known once both the figures and the phases are.
  const loadingLatest = stats.isPending || cycles.isPending;
  const latest = loadingLatest ? undefined : [...rows].reverse().find((c) => c.declared > 0 && !deciding(c));
  const pending = (c: TCycleStats) => (
    <Tag style={{ marginInlineEnd: 0 }}>
      {t(`phase.${cycles.data?.find((x) => x.id === c.cycleId)?.phase}`)}
    </Tag>
  );

  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile(
        `/api/innovation/stats.xlsx${queryString({ fromYear, toYear })}`,
        'innovation-stats.xlsx',
      );
    } catch (err) {
      void message.error(t('admin-kit:downloadFailed', { reason: errorMessage(t, err) }));
    } finally {
      setExporting(false);
    }
  };

  const change = (c: TCycleStats) =>
    c.approvedChange === null ? (
      none
    ) : c.approvedChange > 0 ? (
      <Typography.Text className="ll-rise">
        <ArrowUpOutlined /> {c.approvedChange}
      </Typography.Text>
    ) : c.approvedChange < 0 ? (
      <Typography.Text type="danger">
        <ArrowDownOutlined /> {-c.approvedChange}
      </Typography.Text>
    ) : (
      '0'
    );

  const columns: TableColumnsType<TCycleStats> = [
    {
      key: 'cycle',
      title: t('stats.cycle'),
      fixed: 'left',
      render: (_, c) => (
        <Flex vertical>
          <Typography.Text strong>{c.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.startYear}–{c.endYear}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'declared', dataIndex: 'declared', title: t('stats.declared'), align: 'right' },
    {
      key: 'approved',
      title: t('stats.approved'),
      align: 'right',
      render: (_, c) => (
        <Flex gap={6} justify="flex-end" align="center">
          <strong data-testid="stats-approved">{c.approved}</strong>
          {c.mostApprovedEver && (
            <Tag color="red" icon={<RiseOutlined />} style={{ marginInlineEnd: 0 }} data-testid="most-ever">
              {t('stats.mostEver')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'byLevel',
      title: t('stats.byLevel'),
      children: LEVELS.map((l) => ({
        key: l,
        title: labels.label(INNOVATION_LEVELS, l),
        align: 'right' as const,
        render: (_: unknown, c: TCycleStats) => c.approvedByLevel[l] ?? 0,
      })),
    },
    {
      key: 'rate',
      title: t('stats.rate'),
      align: 'right',
      render: (_, c) => (deciding(c) ? pending(c) : (percent(c.approvalRate, labels.lang) ?? none)),
    },
    {
      key: 'change',
      title: t('stats.change'),
      align: 'right',
      render: (_, c) => (deciding(c) ? pending(c) : change(c)),
    },
    {
      key: 'funding',
      title: t('stats.funding'),
      align: 'right',
      render: (_, c) => formatYuan(c.fundingGrantedFen, labels.lang),
    },
    {
      key: 'awards',
      title: t('stats.awards'),
      align: 'right',
      render: (_, c) =>
        c.awards
          ? t('stats.awardsValue', { count: c.awards, amount: formatYuan(c.awardsPaidFen, labels.lang) })
          : none,
    },
    { key: 'commended', dataIndex: 'commended', title: t('stats.commended'), align: 'right' },
  ];

  const span =
    fromYear && toYear
      ? t('stats.spanBoth', { from: fromYear, to: toYear })
      : fromYear
        ? t('stats.spanFrom', { from: fromYear })
        : toYear
          ? t('stats.spanTo', { to: toYear })
          : t('stats.spanAll');

  return (
    <ResultsFrame
      section="stats"
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
          {t('admin-kit:actions.export')}
        </Button>
      }
    >
      <Flex vertical gap="middle">
        <Card size="small">
          <Flex wrap gap="small" align="center">
            <Typography.Text>{t('stats.span')}</Typography.Text>
            <Select<number>
              allowClear
              style={{ width: 130 }}
              placeholder={t('stats.fromYear')}
              aria-label={t('stats.fromYear')}
              value={fromYear}
              onChange={(v) => setUrl({ from: v, to: v && toYear && toYear < v ? v : toYear })}
              options={years.map((y) => ({ value: y, label: t('stats.year', { year: y }) }))}
              data-testid="stats-from"
            />
            <span>–</span>
            <Select<number>
              allowClear
              style={{ width: 130 }}
              placeholder={t('stats.toYear')}
              aria-label={t('stats.toYear')}
              value={toYear}
              onChange={(v) => setUrl({ to: v, from: v && fromYear && fromYear > v ? v : fromYear })}
              options={years.map((y) => ({ value: y, label: t('stats.year', { year: y }) }))}
              data-testid="stats-to"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('stats.spanHint')}
            </Typography.Text>
          </Flex>
        </Card>
        {stats.isError && <Alert type="error" showIcon title={errorMessage(t, stats.error)} />}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            <Card
              size="small"
              title={
                latest
                  ? t('stats.latestTitle', { name: latest.name })
                  : loadingLatest
                    ? undefined
                    : t('stats.latestNone')
              }
              style={{ height: '100%' }}
              data-testid="stats-latest"
              loading={loadingLatest}
            >
              {latest ? (
                <Flex wrap gap="large">
                  <Statistic title={t('stats.declared')} value={latest.declared} />
                  <Statistic
                    title={t('stats.approved')}
                    value={latest.approved}
                    suffix={
                      latest.mostApprovedEver ? (
                        <Tag color="red" icon={<RiseOutlined />} style={{ marginInlineStart: 8 }}>
                          {t('stats.mostEver')}
                        </Tag>
                      ) : undefined
                    }
                  />
                  <Statistic
                    title={t('stats.byLevelShort')}
                    value={LEVELS.map((l) => latest.approvedByLevel[l] ?? 0).join(' / ')}
                  />
                  <Statistic
                    title={t('stats.rate')}
                    value={percent(latest.approvalRate, labels.lang) ?? none}
                  />
                  <Statistic
                    title={t('stats.change')}
                    value={
                      latest.approvedChange === null
                        ? none
                        : (latest.approvedChange > 0 ? '+' : '') + latest.approvedChange
                    }
                  />
                </Flex>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card
              size="small"
              title={t('stats.commendedTitle')}
              style={{ height: '100%' }}
              data-testid="stats-commended"
            >
              <Statistic
                value={stats.data?.resultsCommended ?? 0}
                loading={stats.isPending}
                suffix={t('stats.resultsUnit')}
              />
              <Typography.Text type="secondary">{span}</Typography.Text>
            </Card>
          </Col>
        </Row>
        <Card size="small" title={t('stats.tableTitle')} styles={{ body: { padding: 0 } }}>
          <Table<TCycleStats>
            rowKey="cycleId"
            size="small"
            bordered
            columns={columns}
            dataSource={rows}
            loading={stats.isFetching}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('stats.empty')} /> }}
          />
        </Card>
        {rows.length > 0 && (
          <Suspense fallback={<LoadingCard />}>
            <StatsCharts cycles={rows} pending={rows.filter(deciding).map((c) => c.cycleId)} />
          </Suspense>
        )}
      </Flex>
    </ResultsFrame>
  );
}
