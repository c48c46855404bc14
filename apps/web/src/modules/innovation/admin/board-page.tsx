import { PROJECT_STATES, type TCycle, type TProjectSummary } from '@lifeline/shared';
import {
  Alert,
  Badge,
  Card,
  Col,
  Empty,
  Flex,
  Grid,
  Progress,
  Result,
  Row,
  Spin,
  Statistic,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../../i18n/error-message';
import { formatTimestamp } from '../../admin-kit/dates';
import {
  type TOverdueMilestone,
  type TProjectBoard,
  useBoard,
  useCycleChanges,
  useOverdue,
  useProject,
  useProjects,
} from '../api';
import { ChangeRequestsTable } from '../components/change-requests';
import { CycleFrame, useCycleChoice } from '../components/cycle-frame';
import { StateTag } from '../components/state-tag';
import { formatDay, useInnovationLabels } from '../format';
import { ProjectActions } from './detail/project-actions';

/**
 * The secretariat's board for a cycle: the applications counted by state, level, category and
 * unit; the queues to work through (first review, late entries, change requests) and the
 * milestones that are overdue.
 */
export function BoardPage() {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const choice = useCycleChoice();
  return (
    <CycleFrame section="board" choice={choice} title={t('board.title')}>
      {(cycle) =>
        cycle.abilities.review || cycle.abilities.decide || cycle.abilities.manage ? (
          <Board cycle={cycle} />
        ) : (
          <Result status="403" title={t('board.forbidden')} />
        )
      }
    </CycleFrame>
  );
}

function Board({ cycle }: { cycle: TCycle }) {
  const { t } = useTranslation(['innovation', 'errors']);
  const board = useBoard(cycle.id);
  const changes = useCycleChanges(cycle.id, cycle.abilities.review);
  const overdue = useOverdue(cycle.id);
  const [params, setParams] = useSearchParams();
  const counts = board.data?.byState ?? {};
  const tab = params.get('tab') ?? 'submitted';

  const tabs = [
    {
      key: 'submitted',
      label: <TabLabel text={t('board.tabs.submitted')} count={counts.submitted ?? 0} />,
      children: <QueueTable cycle={cycle} state="submitted" empty={t('board.emptySubmitted')} />,
    },
    {
      key: 'late',
      label: <TabLabel text={t('board.tabs.late')} count={counts.late_requested ?? 0} />,
      children: <QueueTable cycle={cycle} state="late_requested" empty={t('board.emptyLate')} />,
    },
    ...(cycle.abilities.review
      ? [
          {
            key: 'changes',
            label: <TabLabel text={t('board.tabs.changes')} count={changes.data?.length ?? 0} />,
            children: changes.isError ? (
              <Alert type="error" showIcon title={errorMessage(t, changes.error)} />
            ) : (
              <ChangeRequestsTable
                changes={changes.data ?? []}
                loading={changes.isPending}
                showProject
                emptyText={t('board.emptyChanges')}
              />
            ),
          },
        ]
      : []),
    {
      key: 'overdue',
      label: <TabLabel text={t('board.tabs.overdue')} count={overdue.data?.length ?? 0} danger />,
      children: <OverdueTable rows={overdue.data ?? []} loading={overdue.isPending} error={overdue.error} />,
    },
  ];

  return (
    <>
      {board.isError && (
        <Alert type="error" showIcon title={errorMessage(t, board.error)} className="ll-inno-gap" />
      )}
      {board.isPending ? (
        <Spin className="ll-inno-gap" />
      ) : (
        board.data && <Counts cycle={cycle} board={board.data} />
      )}
      <Card className="ll-inno-gap" data-testid="board-queues">
        <Tabs
          activeKey={tabs.some((x) => x.key === tab) ? tab : 'submitted'}
          onChange={(key) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          items={tabs}
        />
      </Card>
    </>
  );
}

function TabLabel({ text, count, danger }: { text: string; count: number; danger?: boolean }) {
  return (
    <Flex gap={6} align="center">
      {text}
      <Badge count={count} showZero color={count === 0 ? '#d9d9d9' : danger ? '#ff4d4f' : '#1677ff'} />
    </Flex>
  );
}

/** The numbers of the cycle: totals by state, then by level, category and unit. */
function Counts({ cycle, board }: { cycle: TCycle; board: TProjectBoard }) {
  const { t } = useTranslation('innovation');
  const labels = useInnovationLabels();
  const list = (state?: string) => `/innovation?cycle=${cycle.id}${state ? `&state=${state}` : ''}`;
  const states = PROJECT_STATES.filter((s) => s !== 'draft' && (board.byState[s] ?? 0) > 0);
  const bars = (entries: [string, number][], label: (k: string) => string, filter: string) =>
    entries.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.noneYet')} />
    ) : (
      <Flex vertical gap={6}>
        {entries.map(([key, n]) => (
          <div key={key}>
            <Flex justify="space-between">
              <Link to={`/innovation?cycle=${cycle.id}&${filter}=${key}`}>{label(key)}</Link>
              <span>{n}</span>
            </Flex>
            <Progress
              percent={board.total ? (n / board.total) * 100 : 0}
              status="normal"
              showInfo={false}
              size="small"
            />
          </div>
        ))}
      </Flex>
    );
  const sorted = (m: Record<string, number>, order: readonly string[]) =>
    Object.entries(m).sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));

  return (
    <div data-testid="board-counts">
      <Card className="ll-inno-gap">
        <Flex wrap gap={24} align="flex-start">
          <Statistic title={t('board.total')} value={board.total} />
          {states.map((s) => (
            <Link key={s} to={list(s)} className="ll-inno-stat-link">
              <Statistic title={labels.state(s)} value={board.byState[s]} />
            </Link>
          ))}
        </Flex>
        {board.total === 0 && (
          <Typography.Paragraph type="secondary" className="ll-inno-top-gap">
            {t('board.noneDeclared')}
          </Typography.Paragraph>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Card title={t('board.byLevel')} className="ll-inno-gap" size="small">
            {bars(sorted(board.byLevel, ['company_key', 'plant', 'branch']), (k) => labels.level(k), 'level')}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title={t('board.byCategory')} className="ll-inno-gap" size="small">
            {bars(
              sorted(board.byCategory, ['learning', 'original', 'inherited', 'integrated', 'micro']),
              (k) => labels.category(k),
              'category',
            )}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title={t('board.byUnit')} className="ll-inno-gap" size="small">
            {board.byUnit.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.noneYet')} />
            ) : (
              <div className="ll-inno-unit-list">
                {bars(
                  board.byUnit.map((u) => [String(u.unitId), u.count]),
                  (k) => board.byUnit.find((u) => String(u.unitId) === k)?.unitName ?? k,
                  'unitId',
                )}
              </div>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** The actions of one row, from the project itself (the list carries neither actions nor version). */
function RowActions({ id }: { id: number }) {
  const project = useProject(id);
  if (!project.data) return <Spin size="small" />;
  return (
    <Flex gap={4} wrap>
      <ProjectActions project={project.data} size="small" />
    </Flex>
  );
}

const PAGE_SIZE = 10;

/** A queue of applications in one state with their actions (first review, late entries). */
function QueueTable({ cycle, state, empty }: { cycle: TCycle; state: string; empty: string }) {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const labels = useInnovationLabels();
  const [page, setPage] = useState(1);
  const projects = useProjects({ cycleId: cycle.id, state }, page, PAGE_SIZE);
  const screens = Grid.useBreakpoint();
  const columns: TableColumnsType<TProjectSummary> = [
    { key: 'code', dataIndex: 'code', title: t('fields.code') },
    {
      key: 'title',
      title: t('fields.title'),
      render: (_, p) => <Link to={`/innovation/projects/${p.id}`}>{p.title}</Link>,
    },
    { key: 'unit', dataIndex: 'unitName', title: t('fields.unit') },
    { key: 'category', title: t('fields.category'), render: (_, p) => labels.category(p.category) },
    { key: 'level', title: t('fields.levelApplied'), render: (_, p) => labels.level(p.levelApplied) },
    { key: 'leader', title: t('fields.leader'), render: (_, p) => p.leader.name },
    { key: 'budget', title: t('fields.budget'), align: 'right', render: (_, p) => labels.money(p.budgetFen) },
    {
      key: 'submittedAt',
      title: t('fields.submittedAt'),
      render: (_, p) => (p.submittedAt ? formatTimestamp(p.submittedAt, labels.lang) : t('admin-kit:none')),
    },
    { key: 'late', title: '', render: (_, p) => p.late && <StateTag state={p.state} late /> },
    {
      key: 'actions',
      title: t('board.actions'),
      // Pinned beside the table on wide screens; on a phone it would cover the title.
      fixed: screens.md ? 'right' : undefined,
      render: (_, p) => <RowActions id={p.id} />,
    },
  ];
  return (
    <>
      {projects.isError && (
        <Alert type="error" showIcon title={errorMessage(t, projects.error)} className="ll-inno-gap" />
      )}
      <Table<TProjectSummary>
        rowKey="id"
        size="small"
        data-testid={`queue-${state}`}
        columns={columns}
        dataSource={projects.data?.items ?? []}
        loading={projects.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: projects.data?.total ?? 0,
          hideOnSinglePage: true,
          showTotal: (total) => t('admin-kit:total', { count: total }),
          onChange: setPage,
        }}
      />
    </>
  );
}

function OverdueTable({
  rows,
  loading,
  error,
}: {
  rows: TOverdueMilestone[];
  loading: boolean;
  error: unknown;
}) {
  const { t } = useTranslation(['innovation', 'errors']);
  const labels = useInnovationLabels();
  if (error) return <Alert type="error" showIcon title={errorMessage(t, error)} />;
  return (
    <Table<TOverdueMilestone>
      rowKey="milestoneId"
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      data-testid="overdue"
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.emptyOverdue')} />,
      }}
      columns={[
        { key: 'code', dataIndex: 'projectCode', title: t('fields.code') },
        {
          key: 'project',
          title: t('fields.title'),
          render: (_, r) => <Link to={`/innovation/projects/${r.projectId}`}>{r.projectTitle}</Link>,
        },
        { key: 'unit', dataIndex: 'unitName', title: t('fields.unit') },
        { key: 'leader', dataIndex: 'leaderName', title: t('fields.leader') },
        { key: 'milestone', dataIndex: 'title', title: t('fields.milestoneTitle') },
        { key: 'dueOn', title: t('fields.dueOn'), render: (_, r) => formatDay(r.dueOn, labels.lang) },
        {
          key: 'days',
          title: t('board.daysOverdue'),
          align: 'right',
          sorter: (a, b) => a.daysOverdue - b.daysOverdue,
          render: (_, r) => <Tag color="error">{t('board.days', { count: r.daysOverdue })}</Tag>,
        },
      ]}
    />
  );
}
