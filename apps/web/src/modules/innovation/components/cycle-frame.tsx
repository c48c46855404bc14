import { PlusOutlined } from '@ant-design/icons';
import { type TCycle, WINDOW_KEYS } from '@lifeline/shared';
import { Alert, Button, Card, Empty, Flex, Menu, Select, Steps, Tag, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../api/me';
import { PageLoading } from '../../../app/pages/page-loading';
import { errorMessage } from '../../../i18n/error-message';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam } from '../../admin-kit/url-filters';
import { useCycles } from '../api';
import { formatDay, useInnovationLabels } from '../format';

const REMEMBERED = 'lifeline.innovation.cycle';

function remembered(): number | undefined {
  try {
    return idParam(localStorage.getItem(REMEMBERED) ?? undefined);
  } catch {
    return undefined;
  }
}

function remember(id: number) {
  try {
    localStorage.setItem(REMEMBERED, String(id));
  } catch {
    // Storage disabled: the address still carries the choice.
  }
}

/**
 * The cycle the module's pages show: the one in the address (`?cycle=`, or the page's own path
 * for pages of one cycle), else the last one chosen, else the newest that has begun. The choice
 * is written into the address, so reloading or sharing the link shows the same cycle.
 */
export function useCycleChoice(pathId?: number) {
  const cycles = useCycles();
  const [params, setParams] = useSearchParams();
  const fromUrl = pathId ?? idParam(params.get('cycle') ?? undefined);
  const list = cycles.data ?? [];
  const fallback = () => {
    const last = remembered();
    return (
      list.find((c) => c.id === last) ??
      list.find((c) => c.phase !== 'upcoming') ??
      (list[0] as TCycle | undefined)
    );
  };
  const cycle = fromUrl !== undefined ? list.find((c) => c.id === fromUrl) : fallback();
  useEffect(() => {
    if (!cycle) return;
    remember(cycle.id);
    if (pathId === undefined && fromUrl !== cycle.id)
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('cycle', String(cycle.id));
          return next;
        },
        { replace: true },
      );
  }, [cycle, fromUrl, pathId, setParams]);
  return { cycles, cycle, missing: cycles.isSuccess && !cycle };
}

export type CycleChoice = ReturnType<typeof useCycleChoice>;

export type Section = 'projects' | 'board' | 'meetings' | 'approved' | 'settings';

/** Where each section of a cycle lives. */
export function sectionPath(section: Section, cycleId: number): string {
  switch (section) {
    case 'projects':
      return `/innovation?cycle=${cycleId}`;
    case 'board':
      return `/innovation/board?cycle=${cycleId}`;
    case 'meetings':
      return `/innovation/meetings?cycle=${cycleId}`;
    case 'approved':
      return `/innovation/cycles/${cycleId}/approved`;
    case 'settings':
      return `/innovation/cycles/${cycleId}/settings`;
  }
}

/** The sections a cycle offers me, from its abilities (the server checks every call again). */
export function cycleSections(cycle: TCycle): Section[] {
  const a = cycle.abilities;
  const staff = a.review || a.decide || a.manage;
  return [
    'projects',
    ...(staff ? (['board', 'meetings'] as const) : []),
    'approved',
    ...(a.manage ? (['settings'] as const) : []),
  ];
}

/** A window's first and last day; the year is written once when both fall in the same year. */
function windowDates(w: { from: string; to: string }, lang: string): string {
  const from = formatDay(w.from, lang);
  const to = formatDay(w.to, lang);
  if (w.from.slice(0, 4) !== w.to.slice(0, 4)) return `${from} – ${to}`;
  return `${from} – ${to.replace(/^\d{4}\D+|\D+\d{4}$/, '')}`;
}

/** The cycle's five windows as steps, the current one highlighted (the phase comes from the API). */
export function CycleWindows({ cycle }: { cycle: TCycle }) {
  const labels = useInnovationLabels();
  const current =
    cycle.phase === 'upcoming'
      ? -1
      : cycle.phase === 'closed'
        ? WINDOW_KEYS.length
        : WINDOW_KEYS.indexOf(cycle.phase);
  return (
    <Steps
      size="small"
      current={current}
      className="ll-inno-windows"
      items={WINDOW_KEYS.map((key, i) => ({
        key,
        title: labels.window(key),
        content: <span className="ll-inno-window-dates">{windowDates(cycle.windows[key], labels.lang)}</span>,
        status: i < current ? 'finish' : i === current ? 'process' : 'wait',
      }))}
    />
  );
}

export function PhaseTag({ cycle }: { cycle: TCycle }) {
  const labels = useInnovationLabels();
  const color = cycle.phase === 'closed' ? 'default' : cycle.phase === 'upcoming' ? 'blue' : 'red';
  return (
    <Tag color={color} data-testid="cycle-phase">
      {labels.phase(cycle.phase)}
    </Tag>
  );
}

type FrameProps = {
  section: Section;
  choice: CycleChoice;
  title: ReactNode;
  extra?: ReactNode | ((cycle: TCycle) => ReactNode);
  /** Where choosing another cycle goes; the address's `?cycle=` changes by default. */
  onChoose?: (cycleId: number) => void;
  showWindows?: boolean;
  children: (cycle: TCycle) => ReactNode;
};

/**
 * The frame of a page about one cycle: its title, the cycle picker with the phase, the
 * module's sections as a menu, and the page itself once the cycle is known. With no cycle it
 * says so (and offers to open one to those who may).
 */
export function CycleFrame({ section, choice, title, extra, onChoose, showWindows, children }: FrameProps) {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const navigate = useNavigate();
  const [, setParams] = useSearchParams();
  const canManage = useMe().data?.permissions.includes('innovation.manage') ?? false;
  const { cycles, cycle } = choice;

  if (cycles.isError)
    return (
      <Alert type="error" showIcon title={t('cycle.loadFailed', { reason: errorMessage(t, cycles.error) })} />
    );
  if (cycles.isPending) return <PageLoading />;
  if (!cycle) {
    const none = (cycles.data ?? []).length === 0;
    return (
      <>
        <PageHeader title={title} />
        <Card>
          <Empty
            description={none ? t('cycle.none') : t('cycle.notFound')}
            image={Empty.PRESENTED_IMAGE_SIMPLE}
          >
            {none && canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/innovation/cycles/new')}
              >
                {t('cycle.create')}
              </Button>
            )}
            {!none && <Button onClick={() => navigate('/innovation')}>{t('cycle.backToCurrent')}</Button>}
          </Empty>
        </Card>
      </>
    );
  }

  const choose = (id: number) => {
    if (onChoose) onChoose(id);
    // Filters and paging belong to the previous cycle's list, so they are left behind.
    else setParams(new URLSearchParams({ cycle: String(id) }));
  };
  const sections = cycleSections(cycle);
  return (
    <>
      <div className="ll-inno-no-print">
        <PageHeader title={title} extra={typeof extra === 'function' ? extra(cycle) : extra} />
        <Card className="ll-inno-frame" styles={{ body: { padding: '12px 16px 0' } }}>
          <Flex wrap align="center" gap="small" className="ll-inno-cycle-row">
            <Typography.Text type="secondary">{t('cycle.label')}</Typography.Text>
            <Select<number>
              aria-label={t('cycle.label')}
              data-testid="cycle-select"
              className="ll-inno-cycle-select"
              value={cycle.id}
              onChange={choose}
              popupMatchSelectWidth={false}
              options={(cycles.data ?? []).map((c) => ({
                value: c.id,
                label: t('cycle.option', { name: c.name, from: c.startYear, to: c.endYear }),
              }))}
            />
            <PhaseTag cycle={cycle} />
            {cycle.approvedListPublishedAt && <Tag color="green">{t('cycle.published')}</Tag>}
            <div className="ll-inno-spacer" />
            {canManage && (
              <Link to="/innovation/cycles/new">
                <Button type="link" icon={<PlusOutlined />} size="small">
                  {t('cycle.create')}
                </Button>
              </Link>
            )}
          </Flex>
          {showWindows && (
            <div className="ll-inno-windows-wrap">
              <CycleWindows cycle={cycle} />
            </div>
          )}
          <Menu
            mode="horizontal"
            className="ll-inno-nav"
            selectedKeys={[section]}
            items={sections.map((s) => ({
              key: s,
              label: <Link to={sectionPath(s, cycle.id)}>{t(`nav.${s}`)}</Link>,
            }))}
          />
        </Card>
      </div>
      {children(cycle)}
    </>
  );
}
