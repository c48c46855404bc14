import { DownloadOutlined, EyeInvisibleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { MIN_GROUP, type TAggregate, type TAggregateRow } from '@lifeline/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Select,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../app/pages/not-found-page';
import { errorMessage } from '../../../i18n/error-message';
import { useDefaultUnit } from '../../admin-kit/default-unit';
import { downloadFile } from '../../admin-kit/files';
import { FilterBar } from '../../admin-kit/filter-bar';
import { useLabels } from '../../admin-kit/labels';
import { LoadingCard } from '../../admin-kit/loading-card';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam, useUrlFilters } from '../../admin-kit/url-filters';
import { UnitTreeSelect } from '../../units/components/unit-tree-select';
import { type AggregateQuery, aggregatesExportPath, useAggregates, useInstruments } from '../api';
import { type BandShare, bandColors, percentOf } from '../bands';
import { CoachTeam } from './coach-team';
import './wellbeing.css';

// ECharts is large: it is loaded only when a table with figures is shown.
const BandChart = lazy(() => import('./band-chart').then((m) => ({ default: m.BandChart })));

const YEARS_BACK = 5;

/** `/wellbeing/stats`: one page; anything below it is unknown. */
export function WellbeingStatsPage() {
  return (
    <Routes>
      <Route index element={<StatsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function yearParam(v: string | undefined): number | undefined {
  const n = Number(v);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined;
}

function quarterParam(v: string | undefined): number | undefined {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 4 ? n : undefined;
}

/**
 * Wellbeing statistics: for a unit, an instrument with bands and a period, how many people of
 * each child unit took it and how many fell in each band. Groups under ten people, and rows
 * that would let one work them out, show no figures: the server leaves them out.
 */
function StatsPage() {
  const { t } = useTranslation(['wellbeing-admin', 'admin-kit', 'errors']);
  const labels = useLabels();
  const { message } = App.useApp();
  const [url, setUrl] = useUrlFilters(['unit', 'instrument', 'year', 'quarter'] as const);
  const instruments = useInstruments();
  const defaultUnit = useDefaultUnit('wellbeing.aggregate');
  const thisYear = new Date().getFullYear();
  // Only sum scales have bands to count; a profile (RIASEC) has no band to total.
  const totals = useMemo(
    () => (instruments.data ?? []).filter((i) => i.scoring.kind === 'total'),
    [instruments.data],
  );
  const unitId = idParam(url.unit) ?? defaultUnit;
  const instrument =
    url.instrument && totals.some((i) => i.code === url.instrument) ? url.instrument : totals[0]?.code;
  const year = yearParam(url.year) ?? thisYear;
  const quarter = quarterParam(url.quarter);
  const query: AggregateQuery | null =
    unitId && instrument ? { unitId, instrument, year, ...(quarter ? { quarter } : {}) } : null;
  const aggregates = useAggregates(query);
  const [exporting, setExporting] = useState(false);
  const name = (b: { zh: string; en: string }) => (labels.lang === 'en' ? b.en : b.zh);

  const onExport = async () => {
    if (!query) return;
    setExporting(true);
    try {
      await downloadFile(aggregatesExportPath(query), `wellbeing-${query.instrument}-${query.year}.xlsx`);
    } catch (err) {
      void message.error(t('admin-kit:downloadFailed', { reason: errorMessage(t, err) }));
    } finally {
      setExporting(false);
    }
  };

  const data = aggregates.data;
  const hasFigures = !!data && !data.total.suppressed && (data.total.participants ?? 0) > 0;

  return (
    <>
      <PageHeader
        title={t('stats.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            disabled={!query || !hasFigures}
            onClick={() => void onExport()}
            data-testid="wellbeing-export"
          >
            {t('admin-kit:actions.export')}
          </Button>
        }
      />
      <Flex vertical gap="middle">
        <Alert
          type="info"
          showIcon
          icon={<SafetyCertificateOutlined />}
          title={t('stats.privacyTitle', { min: MIN_GROUP })}
          description={t('stats.privacyText', { min: MIN_GROUP })}
          data-testid="wellbeing-privacy"
        />
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
            <Select<string>
              style={{ width: 260 }}
              aria-label={t('stats.instrument')}
              placeholder={t('stats.instrument')}
              loading={instruments.isPending}
              value={instrument}
              onChange={(v) => setUrl({ instrument: v })}
              options={totals.map((i) => ({ value: i.code, label: name(i.name) }))}
              data-testid="wellbeing-instrument"
            />
            <Select<number>
              style={{ width: 120 }}
              aria-label={t('stats.year')}
              value={year}
              onChange={(v) => setUrl({ year: v === thisYear ? undefined : v })}
              options={Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i).map((y) => ({
                value: y,
                label: t('stats.yearOption', { year: y }),
              }))}
              data-testid="wellbeing-year"
            />
            <Select<number>
              style={{ width: 140 }}
              aria-label={t('stats.quarter')}
              placeholder={t('stats.wholeYear')}
              allowClear
              value={quarter}
              onChange={(v) => setUrl({ quarter: v })}
              options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('stats.quarterOption', { q }) }))}
              data-testid="wellbeing-quarter"
            />
          </FilterBar>
          {data && (
            <Typography.Text type="secondary" className="ll-wb-period">
              {t('stats.period', {
                unit: data.unit.name,
                period:
                  data.period.quarter === null
                    ? t('stats.yearOption', { year: data.period.year })
                    : t('stats.quarterOf', { year: data.period.year, q: data.period.quarter }),
              })}
            </Typography.Text>
          )}
        </Card>
        {instruments.isError && <Alert type="error" showIcon title={errorMessage(t, instruments.error)} />}
        {aggregates.isError && <Alert type="error" showIcon title={errorMessage(t, aggregates.error)} />}
        {!query && !instruments.isPending && (
          <Card>
            <Empty description={totals.length ? t('stats.pickUnit') : t('stats.noInstruments')} />
          </Card>
        )}
        {query && aggregates.isPending && (
          <Card>
            <Flex justify="center">
              <Spin />
            </Flex>
          </Card>
        )}
        {data && <Figures data={data} loading={aggregates.isFetching} />}
        <CoachTeam unitId={unitId} />
      </Flex>
    </>
  );
}

/** The table (and chart) of one answer, or why there is nothing to show. */
function Figures({ data, loading }: { data: TAggregate; loading: boolean }) {
  const { t } = useTranslation(['wellbeing-admin', 'admin-kit']);
  const labels = useLabels();
  const none = t('admin-kit:none');
  const colors = bandColors(data.bands.length);
  const bandName = (b: { label: { zh: string; en: string } }) =>
    labels.lang === 'en' ? b.label.en : b.label.zh;
  const rows = data.rows;

  if (data.total.participants === 0 && !data.total.suppressed) {
    return (
      <Card data-testid="wellbeing-empty">
        <Empty description={t('stats.empty')} />
      </Card>
    );
  }
  if (data.total.suppressed) {
    return (
      <Card data-testid="wellbeing-empty">
        <Empty
          image={<EyeInvisibleOutlined className="ll-wb-empty-icon" />}
          description={t(`stats.totalHidden.${data.total.suppressed}`, {
            min: data.minGroup,
            unit: data.unit.name,
          })}
        />
      </Card>
    );
  }

  const hidden = (row: TAggregateRow): ReactNode => (
    <Tooltip title={t(`stats.why.${row.suppressed ?? 'small_group'}`, { min: data.minGroup })}>
      <span className="ll-wb-hidden" data-testid="suppressed-cell">
        {none}
      </span>
    </Tooltip>
  );
  const rowName = (row: TAggregateRow) =>
    row.unitId === null ? t('stats.direct', { name: row.name }) : row.name;

  const columns: TableColumnsType<TAggregateRow> = [
    {
      key: 'unit',
      title: t('stats.childUnit'),
      fixed: 'left',
      render: (_, row) => (
        <Flex gap={6} align="center" wrap>
          <span>{rowName(row)}</span>
          {row.suppressed && (
            <Tooltip title={t(`stats.why.${row.suppressed}`, { min: data.minGroup })}>
              <Tag icon={<EyeInvisibleOutlined />} data-testid="suppressed-tag" className="ll-wb-tag">
                {t(`stats.hidden.${row.suppressed}`)}
              </Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      key: 'headcount',
      title: t('stats.headcount'),
      align: 'right',
      render: (_, row) => row.headcount,
    },
    {
      key: 'participants',
      title: t('stats.participants'),
      align: 'right',
      render: (_, row) => (row.participants === null ? hidden(row) : row.participants),
    },
    {
      key: 'rate',
      title: t('stats.rate'),
      align: 'right',
      render: (_, row) =>
        row.participants === null
          ? hidden(row)
          : (percentOf(row.participants, row.headcount, labels.lang) ?? none),
    },
    {
      key: 'bands',
      title: t('stats.bands'),
      children: data.bands.map((b, i) => ({
        key: `band-${b.code}`,
        title: (
          <Flex gap={6} align="center" justify="flex-end">
            <span className="ll-wb-swatch" style={{ background: colors[i] }} />
            {bandName(b)}
          </Flex>
        ),
        align: 'right' as const,
        render: (_: unknown, row: TAggregateRow) => bandCell(row, b.code),
      })),
    },
  ];

  function bandCell(row: TAggregateRow, code: string): ReactNode {
    if (row.counts === null || row.participants === null) return hidden(row);
    const n = row.counts[code] ?? 0;
    const share = percentOf(n, row.participants, labels.lang);
    return (
      <span>
        {n}
        {share && row.participants > 0 && <span className="ll-wb-share"> ({share})</span>}
      </span>
    );
  }

  const total = data.total;
  const shown: BandShare[] = rows
    .filter((r) => r.counts !== null && r.participants)
    .map((r) => ({
      name: rowName(r),
      participants: r.participants ?? 0,
      counts: r.counts ?? {},
    }));

  return (
    <>
      <Card
        size="small"
        title={t('stats.tableTitle', { name: labels.lang === 'en' ? data.name.en : data.name.zh })}
        styles={{ body: { padding: 0 } }}
      >
        <Table<TAggregateRow>
          rowKey={(r) => (r.unitId === null ? 'direct' : String(r.unitId))}
          size="small"
          bordered
          columns={columns}
          dataSource={rows}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowClassName={(r) => (r.suppressed ? 'll-wb-row-suppressed' : '')}
          locale={{ emptyText: <Empty description={t('stats.noChildren')} /> }}
          data-testid="wellbeing-table"
          summary={() => (
            <Table.Summary fixed="bottom">
              <Table.Summary.Row className="ll-wb-total" data-testid="wellbeing-total">
                <Table.Summary.Cell index={0}>
                  <strong>{t('stats.total', { unit: data.unit.name })}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {total.headcount}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {total.participants ?? hidden(total)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {total.participants === null
                    ? hidden(total)
                    : (percentOf(total.participants, total.headcount, labels.lang) ?? none)}
                </Table.Summary.Cell>
                {data.bands.map((b, i) => (
                  <Table.Summary.Cell key={b.code} index={4 + i} align="right">
                    {bandCell(total, b.code)}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          )}
        />
        <Typography.Paragraph type="secondary" className="ll-wb-note">
          {t('stats.tableNote', { min: data.minGroup })}
        </Typography.Paragraph>
      </Card>
      {shown.length > 0 && (
        <Suspense fallback={<LoadingCard />}>
          <BandChart
            title={t('stats.chartTitle')}
            rows={shown}
            bands={data.bands.map((b, i) => ({ code: b.code, name: bandName(b), color: colors[i] }))}
          />
        </Suspense>
      )}
    </>
  );
}
