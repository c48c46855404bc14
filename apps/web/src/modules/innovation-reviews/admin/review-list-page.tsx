import { ExclamationCircleOutlined } from '@ant-design/icons';
import { INNOVATION_LEVELS } from '@lifeline/shared';
import { Alert, Button, Card, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../i18n/error-message';
import { formatTimestamp } from '../../admin-kit/dates';
import { useLabels } from '../../admin-kit/labels';
import { PageHeader } from '../../admin-kit/page-header';
import { type TMyReview, useMyReviews } from '../api';
import { formatScore } from '../rubric';
import { ConflictModal } from './conflict-modal';

/**
 * The expert's assignments, open ones first: each opens its scoring page. A conflict of interest
 * with a project or a whole unit can be declared here; the server withdraws what it touches.
 */
export function ReviewListPage() {
  const { t } = useTranslation(['innovation-reviews', 'admin-kit', 'errors']);
  const labels = useLabels();
  const navigate = useNavigate();
  const reviews = useMyReviews();
  const [declaring, setDeclaring] = useState(false);
  const items = reviews.data ?? [];
  const open = items.filter((r) => r.state === 'assigned').length;

  const columns: TableColumnsType<TMyReview> = [
    {
      key: 'project',
      title: t('fields.project'),
      render: (_, r) => (
        <Flex vertical>
          <Link to={`/innovation-reviews/${r.id}`} data-testid="review-link">
            {r.projectTitle}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.projectCode}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'unit', dataIndex: 'unitName', title: t('fields.unit') },
    {
      key: 'level',
      title: t('fields.level'),
      render: (_, r) => labels.label(INNOVATION_LEVELS, r.level) || t('admin-kit:none'),
    },
    { key: 'cycle', dataIndex: 'cycleName', title: t('fields.cycle') },
    {
      key: 'state',
      title: t('fields.state'),
      render: (_, r) =>
        r.state === 'submitted' ? (
          <Tag color="green">{t('state.submitted')}</Tag>
        ) : Object.keys(r.scores).length > 0 ? (
          <Tag color="blue">{t('state.draft')}</Tag>
        ) : (
          <Tag color="orange">{t('state.assigned')}</Tag>
        ),
    },
    {
      key: 'total',
      title: t('fields.myTotal'),
      align: 'right',
      render: (_, r) => formatScore(r.total, labels.lang) || t('admin-kit:none'),
    },
    {
      key: 'submittedAt',
      title: t('fields.submittedAt'),
      render: (_, r) => formatTimestamp(r.submittedAt, labels.lang) || t('admin-kit:none'),
    },
    {
      key: 'action',
      title: t('fields.action'),
      render: (_, r) => (
        <Button
          size="small"
          type={r.state === 'assigned' ? 'primary' : 'default'}
          onClick={() => navigate(`/innovation-reviews/${r.id}`)}
        >
          {r.state === 'assigned' ? t('list.score') : t('list.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('list.title')}
        extra={
          <Button
            icon={<ExclamationCircleOutlined />}
            onClick={() => setDeclaring(true)}
            data-testid="declare-conflict"
          >
            {t('conflict.open')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('list.intro')}</Typography.Paragraph>
      <Card
        title={t('list.count', { open, total: items.length })}
        styles={{ body: { paddingTop: items.length ? 0 : undefined } }}
      >
        {reviews.isError && (
          <Alert type="error" showIcon title={errorMessage(t, reviews.error)} style={{ marginBottom: 16 }} />
        )}
        <Table<TMyReview>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={reviews.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={items.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: <Empty description={t('list.empty')} /> }}
          rowClassName="ll-clickable-row"
          onRow={(r) => ({
            onClick: (e) => {
              if (!(e.target as HTMLElement).closest('a,button')) navigate(`/innovation-reviews/${r.id}`);
            },
          })}
        />
      </Card>
      {declaring && <ConflictModal reviews={items} onClose={() => setDeclaring(false)} />}
    </>
  );
}
