import type { TCycle } from '@lifeline/shared';
import { Alert, Button, Empty, Flex, Result, Select, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { useMe } from '../../../api/me';
import { PageLoading } from '../../../app/pages/page-loading';
import { errorMessage } from '../../../i18n/error-message';
import { idParam } from '../../admin-kit/url-filters';
import { useCycles } from '../api';

export type Section = 'evaluation' | 'awards' | 'conference' | 'stats';
const SECTIONS: Section[] = ['evaluation', 'awards', 'conference', 'stats'];

/** The cycle a visitor most likely wants: the newest one with results, else the newest. */
export function defaultCycle(cycles: readonly TCycle[]): TCycle | undefined {
  return cycles.find((c) => c.phase === 'evaluation' || c.phase === 'closed') ?? cycles[0];
}

/** `/innovation-results`: the default cycle's board (or its awards without the review permission). */
export function DefaultCycleRedirect() {
  const { t } = useTranslation(['innovation-results', 'errors']);
  const cycles = useCycles();
  const canReview = useMe().data?.permissions.includes('innovation.review') ?? false;
  if (cycles.isError) return <Alert type="error" showIcon title={errorMessage(t, cycles.error)} />;
  if (!cycles.data) return <PageLoading />;
  const c = defaultCycle(cycles.data);
  if (!c) return <Navigate to="/innovation-results/stats" replace />;
  return (
    <Navigate to={`/innovation-results/cycles/${c.id}/${canReview ? 'evaluation' : 'awards'}`} replace />
  );
}

/** The current cycle of a cycle page (from the address) with the list it was picked from. */
export function useCurrentCycle() {
  const id = idParam(useParams().id);
  const cycles = useCycles();
  const cycle = cycles.data?.find((c) => c.id === id);
  return { id, cycles, cycle };
}

/**
 * The frame of every page of the module: the title, the sections as tabs and, on a cycle's
 * pages, the cycle picker (changing it keeps the section).
 */
export function ResultsFrame({
  section,
  extra,
  children,
}: {
  section: Section;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation(['innovation-results', 'errors']);
  const navigate = useNavigate();
  const location = useLocation();
  const { id, cycles, cycle } = useCurrentCycle();
  const cycleId = id ?? defaultCycle(cycles.data ?? [])?.id;
  const onCyclePage = section !== 'stats';

  const go = (s: Section, c = cycleId) =>
    navigate(
      s === 'stats'
        ? '/innovation-results/stats'
        : c
          ? `/innovation-results/cycles/${c}/${s}`
          : '/innovation-results',
    );

  let body = children;
  if (onCyclePage) {
    if (cycles.isError) body = <Alert type="error" showIcon title={errorMessage(t, cycles.error)} />;
    else if (!cycles.data) body = <PageLoading />;
    else if (cycles.data.length === 0) body = <Empty description={t('frame.noCycles')} />;
    else if (!cycle)
      body = (
        <Result
          status="404"
          title={t('frame.cycleNotFound')}
          extra={<Button onClick={() => navigate('/innovation-results')}>{t('frame.toLatest')}</Button>}
        />
      );
  }

  return (
    <div className="ll-results" key={location.pathname.split('/')[3] ?? ''}>
      <Flex wrap align="center" justify="space-between" gap="small" className="ll-no-print">
        <Typography.Title level={1} className="ll-page-title">
          {t('title')}
        </Typography.Title>
        <Flex wrap align="center" gap="small">
          {onCyclePage && (
            <Select<number>
              value={cycle?.id}
              onChange={(c) => go(section, c)}
              loading={cycles.isLoading}
              aria-label={t('frame.cycle')}
              data-testid="cycle-picker"
              style={{ minWidth: 220, maxWidth: '80vw' }}
              popupMatchSelectWidth={false}
              placeholder={t('frame.cycle')}
              options={(cycles.data ?? []).map((c) => ({
                value: c.id,
                label: (
                  <Flex align="center" gap={6}>
                    <span>{t('frame.cycleOption', { name: c.name, from: c.startYear, to: c.endYear })}</span>
                    <Tag style={{ marginInlineEnd: 0 }}>{t(`phase.${c.phase}`)}</Tag>
                  </Flex>
                ),
              }))}
            />
          )}
          {extra}
        </Flex>
      </Flex>
      <Tabs
        className="ll-no-print ll-results-tabs"
        activeKey={section}
        onChange={(k) => go(k as Section)}
        items={SECTIONS.map((s) => ({ key: s, label: t(`sections.${s}`) }))}
      />
      {body}
    </div>
  );
}
