import { FileAddOutlined } from '@ant-design/icons';
import { PROJECT_STATES, type TCycle, type TProjectSummary } from '@lifeline/shared';
import { Alert, Button, Card, Empty, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../../api/me';
import { errorMessage } from '../../../i18n/error-message';
import { formatTimestamp } from '../../admin-kit/dates';
import { FilterBar, SearchFilter, SelectFilter } from '../../admin-kit/filter-bar';
import { idParam, useUrlFilters } from '../../admin-kit/url-filters';
import { UnitTreeSelect } from '../../units/components/unit-tree-select';
import { type ProjectFilters, useProjects } from '../api';
import { CycleFrame, useCycleChoice } from '../components/cycle-frame';
import { StateTag } from '../components/state-tag';
import { formatDay, useInnovationLabels } from '../format';

const FILTER_KEYS = ['cycle', 'q', 'state', 'level', 'category', 'unitId', 'page', 'size'] as const;
const PAGE_SIZES = [20, 50, 100];

/**
 * The projects of a cycle that I may see: for an applicant unit its own declarations (drafts
 * included), for the secretariat and the leadership every application in their scope. Filters,
 * search and paging live in the address.
 */
export function ProjectsPage() {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const choice = useCycleChoice();
  const navigate = useNavigate();
  return (
    <CycleFrame
      section="projects"
      choice={choice}
      title={t('projects.title')}
      showWindows
      extra={(cycle) =>
        cycle.abilities.declare && (
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            data-testid="declare"
            onClick={() => navigate(`/innovation/new?cycle=${cycle.id}`)}
          >
            {t('projects.declare')}
          </Button>
        )
      }
    >
      {(cycle) => <ProjectList cycle={cycle} />}
    </CycleFrame>
  );
}

/** What the declaration window means for an applicant today. */
function DeclarationHint({ cycle }: { cycle: TCycle }) {
  const { t } = useTranslation('innovation');
  const labels = useInnovationLabels();
  if (!cycle.abilities.declare) return null;
  const w = cycle.windows.declaration;
  const from = formatDay(w.from, labels.lang);
  const to = formatDay(w.to, labels.lang);
  if (cycle.phase === 'upcoming')
    return (
      <Alert showIcon type="info" title={t('projects.hint.upcoming', { from, to })} className="ll-inno-gap" />
    );
  if (cycle.phase === 'declaration')
    return (
      <Alert showIcon type="success" title={t('projects.hint.open', { from, to })} className="ll-inno-gap" />
    );
  return <Alert showIcon type="warning" title={t('projects.hint.closed', { to })} className="ll-inno-gap" />;
}

function ProjectList({ cycle }: { cycle: TCycle }) {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const labels = useInnovationLabels();
  const navigate = useNavigate();
  const canReadUnits = useMe().data?.permissions.includes('org_unit.read') ?? false;
  const [url, setUrl] = useUrlFilters(FILTER_KEYS);
  const filters: ProjectFilters = {
    cycleId: cycle.id,
    q: url.q,
    state: url.state,
    level: url.level,
    category: url.category,
    unitId: idParam(url.unitId),
  };
  const page = idParam(url.page) ?? 1;
  const pageSize = PAGE_SIZES.includes(Number(url.size)) ? Number(url.size) : PAGE_SIZES[0];
  const projects = useProjects(filters, page, pageSize);
  const filtered = Boolean(url.q || url.state || url.level || url.category || url.unitId);

  const columns: TableColumnsType<TProjectSummary> = [
    { key: 'code', dataIndex: 'code', title: t('fields.code'), width: 120 },
    {
      key: 'title',
      title: t('fields.title'),
      render: (_, p) => <Link to={`/innovation/projects/${p.id}`}>{p.title}</Link>,
    },
    { key: 'unit', dataIndex: 'unitName', title: t('fields.unit') },
    { key: 'category', title: t('fields.category'), render: (_, p) => labels.category(p.category) },
    {
      key: 'level',
      title: t('fields.level'),
      render: (_, p) =>
        p.levelApproved && p.levelApproved !== p.levelApplied ? (
          <span>
            {labels.level(p.levelApproved)}
            <Typography.Text type="secondary" className="ll-inno-small">
              {' '}
              {t('projects.appliedFor', { level: labels.level(p.levelApplied) })}
            </Typography.Text>
          </span>
        ) : (
          labels.level(p.levelApproved ?? p.levelApplied)
        ),
    },
    { key: 'leader', title: t('fields.leader'), render: (_, p) => p.leader.name },
    {
      key: 'money',
      title: t('projects.money'),
      align: 'right',
      render: (_, p) => (p.fundingFen != null ? labels.money(p.fundingFen) : labels.money(p.budgetFen)),
    },
    { key: 'state', title: t('fields.state'), render: (_, p) => <StateTag state={p.state} late={p.late} /> },
    {
      key: 'updatedAt',
      title: t('fields.updatedAt'),
      render: (_, p) => formatTimestamp(p.updatedAt, labels.lang),
    },
  ];

  return (
    <Card>
      <DeclarationHint cycle={cycle} />
      <FilterBar>
        <SearchFilter
          value={url.q}
          onSearch={(q) => setUrl({ q })}
          placeholder={t('projects.searchPlaceholder')}
          width={280}
        />
        <SelectFilter
          value={url.state}
          onChange={(v) => setUrl({ state: v })}
          label={t('fields.state')}
          options={PROJECT_STATES.map((s) => ({ value: s, label: labels.state(s) }))}
          width={150}
        />
        <SelectFilter
          value={url.level}
          onChange={(v) => setUrl({ level: v })}
          label={t('fields.level')}
          options={labels.levelOptions()}
          width={170}
        />
        <SelectFilter
          value={url.category}
          onChange={(v) => setUrl({ category: v })}
          label={t('fields.category')}
          options={labels.categoryOptions()}
          width={150}
        />
        {canReadUnits && (
          <UnitTreeSelect
            value={idParam(url.unitId)}
            onChange={(v) => setUrl({ unitId: v })}
            placeholder={t('fields.unit')}
            aria-label={t('fields.unit')}
            style={{ width: 220 }}
          />
        )}
      </FilterBar>
      {projects.isError && (
        <Alert type="error" showIcon title={errorMessage(t, projects.error)} className="ll-inno-gap" />
      )}
      <Table<TProjectSummary>
        rowKey="id"
        size="middle"
        data-testid="projects-table"
        columns={columns}
        dataSource={projects.data?.items ?? []}
        loading={projects.isFetching}
        scroll={{ x: 'max-content' }}
        rowClassName="ll-clickable-row"
        onRow={(p) => ({
          onClick: (e) => {
            if (!(e.target as HTMLElement).closest('a')) navigate(`/innovation/projects/${p.id}`);
          },
        })}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                filtered
                  ? t('projects.emptyFiltered')
                  : cycle.abilities.declare
                    ? t('projects.emptyDeclarer')
                    : t('projects.empty')
              }
            >
              {!filtered && cycle.abilities.declare && (
                <Button type="primary" onClick={() => navigate(`/innovation/new?cycle=${cycle.id}`)}>
                  {t('projects.declare')}
                </Button>
              )}
            </Empty>
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: projects.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => t('admin-kit:total', { count: total }),
          onChange: (p, size) => setUrl({ page: size === pageSize ? p : 1, size }),
        }}
      />
    </Card>
  );
}
