import { DownloadOutlined, ImportOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  EMPLOYMENT_STATUSES,
  GENDERS,
  POLITICAL_STATUSES,
  POSITIONS,
  type TPersonSummary,
} from '@lifeline/shared';
import { Alert, Button, Card, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../../api/me';
import { errorMessage } from '../../../i18n/error-message';
import { useExportJob } from '../../admin-kit/export-job';
import { withoutEmpty } from '../../admin-kit/files';
import { useLabels } from '../../admin-kit/labels';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam, useUrlFilters } from '../../admin-kit/url-filters';
import { type PeopleFilters, usePeople } from '../api';
import { PeopleFilterBar } from './people-filter-bar';

const FILTER_KEYS = [
  'q',
  'unitId',
  'politicalStatus',
  'position',
  'employmentStatus',
  'page',
  'size',
] as const;
const PAGE_SIZES = [20, 50, 100];

/**
 * The roster: search (name, pinyin, initials, employee number, phone) and filters, paged on the
 * server and kept in the address; export of the filtered list; the way to import and to add.
 */
export function PeopleListPage() {
  const { t } = useTranslation(['people', 'admin-kit', 'errors']);
  const labels = useLabels();
  const navigate = useNavigate();
  const permissions = useMe().data?.permissions ?? [];
  const [url, setUrl] = useUrlFilters(FILTER_KEYS);
  const filters: PeopleFilters = {
    q: url.q,
    unitId: idParam(url.unitId),
    politicalStatus: url.politicalStatus,
    position: url.position,
    employmentStatus: url.employmentStatus,
  };
  const page = idParam(url.page) ?? 1;
  const pageSize = PAGE_SIZES.includes(Number(url.size)) ? Number(url.size) : PAGE_SIZES[0];
  const people = usePeople(filters, page, pageSize);

  // Tens of thousands of people take a while: the export runs as a job with its progress shown.
  const exportJob = useExportJob();
  const onExport = () => exportJob.start('/api/people/exports', withoutEmpty(filters));

  const columns: TableColumnsType<TPersonSummary> = [
    {
      key: 'name',
      title: t('fields.name'),
      fixed: 'left',
      render: (_, p) => <Link to={`/people/${p.id}`}>{p.name}</Link>,
    },
    { key: 'employeeNo', dataIndex: 'employeeNo', title: t('fields.employeeNo') },
    { key: 'gender', title: t('fields.gender'), render: (_, p) => labels.label(GENDERS, p.gender) },
    { key: 'unit', dataIndex: 'unitName', title: t('fields.unit') },
    {
      key: 'politicalStatus',
      title: t('fields.politicalStatus'),
      render: (_, p) => labels.label(POLITICAL_STATUSES, p.politicalStatus),
    },
    {
      key: 'positions',
      title: t('fields.positions'),
      render: (_, p) => p.positions.map((x) => labels.label(POSITIONS, x)).join(t('list.separator')),
    },
    {
      key: 'employmentStatus',
      title: t('fields.employmentStatus'),
      render: (_, p) => {
        const text = labels.label(EMPLOYMENT_STATUSES, p.employmentStatus);
        return p.employmentStatus === 'active' ? text : <Tag>{text}</Tag>;
      },
    },
    { key: 'phone', dataIndex: 'phone', title: t('fields.phone') },
    {
      key: 'account',
      title: t('fields.account'),
      render: (_, p) =>
        p.hasAccount ? <Tag color="green">{t('list.hasAccount')}</Tag> : <Tag>{t('list.noAccount')}</Tag>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('list.title')}
        extra={
          <>
            {permissions.includes('person.manage') && (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => navigate('/people/new')}>
                {t('list.add')}
              </Button>
            )}
            {permissions.includes('person.import') && (
              <Button icon={<ImportOutlined />} onClick={() => navigate('/people/import')}>
                {t('list.import')}
              </Button>
            )}
            {permissions.includes('person.export') && (
              <Button
                icon={<DownloadOutlined />}
                loading={exportJob.running}
                onClick={() => void onExport()}
                data-testid="people-export"
              >
                {t('list.export')}
              </Button>
            )}
          </>
        }
      />
      {exportJob.dialog}
      <Card>
        <PeopleFilterBar filters={filters} onChange={setUrl} />
        {people.isError && (
          <Alert type="error" showIcon title={errorMessage(t, people.error)} style={{ marginBottom: 16 }} />
        )}
        <Table<TPersonSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={people.data?.items ?? []}
          loading={people.isFetching}
          scroll={{ x: 'max-content' }}
          rowClassName="ll-clickable-row"
          onRow={(p) => ({
            // The name is also a link (for "open in new tab"); a click on it navigates once.
            onClick: (e) => {
              if (!(e.target as HTMLElement).closest('a')) navigate(`/people/${p.id}`);
            },
          })}
          pagination={{
            current: page,
            pageSize,
            total: people.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('admin-kit:total', { count: total }),
            onChange: (p, size) => setUrl({ page: size === pageSize ? p : 1, size }),
          }}
        />
      </Card>
    </>
  );
}
