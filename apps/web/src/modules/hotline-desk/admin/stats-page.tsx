import { DownloadOutlined } from '@ant-design/icons';
import type { THotlineStats } from '@lifeline/shared';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Spin,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../app/pages/not-found-page';
import { errorMessage } from '../../../i18n/error-message';
import { beijingToday } from '../../../i18n/format';
import { useDefaultUnit } from '../../admin-kit/default-unit';
import { downloadFile } from '../../admin-kit/files';
import { FilterBar } from '../../admin-kit/filter-bar';
import { LoadingCard } from '../../admin-kit/loading-card';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam, useUrlFilters } from '../../admin-kit/url-filters';
import { UnitTreeSelect } from '../../units/components/unit-tree-select';
import { type StatsQuery, statsExportPath, useHotlineStats } from '../api';
import { percent, useHotlineLabels } from '../labels';
import '../../admin-kit/admin-kit.css';
import './hotline.css';

// ECharts is large: it is loaded only when there are figures to draw.
const StatsCharts = lazy(() => import('./stats-charts').then((m) => ({ default: m.StatsCharts })));

/** `/hotline/stats`: one page; anything below it is unknown. */
export function HotlineStatsPage() {
  return (
    <Routes>
      <Route index element={<StatsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthParam = (v: string | undefined) => (v && MONTH.test(v) ? v : undefined);

/**
 * The hotline's numbers for a unit's subtree and a range of months: how many items, how many
 * were accepted and answered in time, how long they took, how satisfied reporters were, and
 * which units have the most items overdue now.
 */
function StatsPage() {
  const { t } = useTranslation(['hotline-desk', 'admin-kit', 'errors']);
  const labels = useHotlineLabels();
  const { message } = App.useApp();
  const [url, setUrl] = useUrlFilters(['unit', 'from', 'to'] as const);
  const defaultUnit = useDefaultUnit('hotline.stats');
  // The months of the statistics are Beijing's (the server counts arrivals by them), whatever
  // the browser's zone.
  const thisMonth = beijingToday().slice(0, 7);
  const unitId = idParam(url.unit) ?? defaultUnit;
  const from = monthParam(url.from) ?? `${thisMonth.slice(0, 4)}-01`;
  const to = monthParam(url.to) ?? thisMonth;
  const query: StatsQuery | null = unitId ? { unitId, from, to } : null;
  const stats = useHotlineStats(query);
  const [exporting, setExporting] = useState(false);
  const data = stats.data;

  const onExport = async () => {
    if (!query) return;
    setExporting(true);
    try {
      await downloadFile(statsExportPath(query), `hotline-stats-${query.from}-${query.to}.xlsx`);
    } catch (err) {
      void message.error(t('admin-kit:downloadFailed', { reason: errorMessage(t, err) }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('stats.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            disabled={!query}
            onClick={() => void onExport()}
            data-testid="hotline-stats-export"
          >
            {t('admin-kit:actions.export')}
          </Button>
        }
      />
      <Flex vertical gap="middle">
        <Card size="small">
          <FilterBar>
            <UnitTreeSelect
              value={unitId}
              onChange={(v) => setUrl({ unit: v })}
              allowClear={false}
              style={{ width: 280 }}
              aria-label={t('stats.unit')}
              placeholder={t('stats.unit')}
            />
            <DatePicker.RangePicker
              picker="month"
              allowClear={false}
              value={[dayjs(`${from}-01`), dayjs(`${to}-01`)]}
              onChange={(range) => {
                const [a, b] = range ?? [];
                setUrl({ from: a?.format('YYYY-MM'), to: b?.format('YYYY-MM') });
              }}
              aria-label={t('stats.months')}
              data-testid="hotline-stats-months"
            />
          </FilterBar>
          {data && (
            <Typography.Text type="secondary" className="ll-hl-small">
              {t('stats.period', { unit: data.unit.name, from: data.from, to: data.to })}
            </Typography.Text>
          )}
        </Card>
        {stats.isError && <Alert type="error" showIcon title={errorMessage(t, stats.error)} />}
        {!query && (
          <Card>
            <Empty description={t('stats.pickUnit')} />
          </Card>
        )}
        {query && stats.isPending && (
          <Card>
            <Flex justify="center">
              <Spin />
            </Flex>
          </Card>
        )}
        {data && <Figures data={data} lang={labels.lang} loading={stats.isFetching} />}
      </Flex>
    </>
  );
}

function Figures({ data, lang, loading }: { data: THotlineStats; lang: string; loading: boolean }) {
  const { t } = useTranslation(['hotline-desk', 'admin-kit']);
  const none = t('admin-kit:none');
  const days = (v: number | null) =>
    v === null ? none : t('stats.days', { n: v.toLocaleString(lang, { maximumFractionDigits: 1 }) });
  const kpis: { key: string; title: string; value: string; note?: string }[] = [
    { key: 'total', title: t('stats.kpi.total'), value: String(data.total) },
    {
      key: 'accept',
      title: t('stats.kpi.acceptOnTime'),
      value: percent(data.acceptOnTimeRate, lang) ?? none,
    },
    {
      key: 'answer',
      title: t('stats.kpi.answerOnTime'),
      value: percent(data.answerOnTimeRate, lang) ?? none,
    },
    { key: 'avg', title: t('stats.kpi.avgDays'), value: days(data.avgWorkingDays) },
    { key: 'p90', title: t('stats.kpi.p90Days'), value: days(data.p90WorkingDays) },
    {
      key: 'satisfaction',
      title: t('stats.kpi.satisfaction'),
      value:
        data.satisfaction === null
          ? none
          : `${data.satisfaction.toLocaleString(lang, { maximumFractionDigits: 2 })} / 5`,
      note: t('stats.kpi.rated', { count: data.rated }),
    },
    { key: 'reopen', title: t('stats.kpi.reopenRate'), value: percent(data.reopenRate, lang) ?? none },
  ];
  const columns: TableColumnsType<THotlineStats['mostOverdue'][number]> = [
    { key: 'rank', title: '#', width: 48, render: (_, _r, i) => i + 1 },
    { key: 'name', title: t('stats.overdueUnit'), render: (_, r) => r.name },
    { key: 'overdue', title: t('stats.overdueCount'), align: 'right', render: (_, r) => r.overdue },
  ];
  return (
    <>
      <div className="ll-hl-kpis" data-testid="hotline-kpis">
        {kpis.map((k) => (
          <Card key={k.key} size="small" data-testid={`kpi-${k.key}`}>
            <Statistic title={k.title} value={k.value} />
            {k.note && (
              <Typography.Text type="secondary" className="ll-hl-small">
                {k.note}
              </Typography.Text>
            )}
          </Card>
        ))}
      </div>
      {data.total === 0 ? (
        <Card data-testid="hotline-stats-empty">
          <Empty description={t('stats.empty')} />
        </Card>
      ) : (
        <Suspense fallback={<LoadingCard />}>
          <StatsCharts data={data} />
        </Suspense>
      )}
      <Card size="small" title={t('stats.mostOverdue')}>
        <Table
          rowKey="unitId"
          size="small"
          columns={columns}
          dataSource={data.mostOverdue}
          loading={loading}
          pagination={false}
          data-testid="hotline-most-overdue"
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stats.noOverdue')} />,
          }}
        />
      </Card>
    </>
  );
}
