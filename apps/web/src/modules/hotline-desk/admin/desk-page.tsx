import { DownloadOutlined } from '@ant-design/icons';
import type { THotlineListItem } from '@lifeline/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate } from 'react-router';
import { NotFoundPage } from '../../../app/pages/not-found-page';
import { errorMessage } from '../../../i18n/error-message';
import { downloadFile } from '../../admin-kit/files';
import { FilterBar, SearchFilter, SelectFilter } from '../../admin-kit/filter-bar';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam, useUrlFilters } from '../../admin-kit/url-filters';
import { UnitTreeSelect } from '../../units/components/unit-tree-select';
import { type ItemFilters, itemsExportPath, useItems } from '../api';
import { DeadlineCell, StateTag, UrgencyTag } from '../components/tags';
import { splitMinute, useHotlineLabels } from '../labels';
import { ItemPage } from './item-page';
import '../../admin-kit/admin-kit.css';
import './hotline.css';

/** `/hotline`: the desk; `/hotline/items/:id`: one item (notifications link there). */
export function HotlineDeskPage() {
  return (
    <Routes>
      <Route index element={<DeskPage />} />
      <Route path="items/:id" element={<ItemPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

const FILTER_KEYS = ['unitId', 'state', 'category', 'urgency', 'overdue', 'q'] as const;

/**
 * The handler's desk: the items handled by the units of my scope, newest first, with filters
 * kept in the address, "load more" paging, and the same filters exported to Excel.
 */
function DeskPage() {
  const { t } = useTranslation(['hotline-desk', 'admin-kit', 'errors']);
  const labels = useHotlineLabels();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [url, setUrl] = useUrlFilters(FILTER_KEYS);
  const filters: ItemFilters = {
    unitId: idParam(url.unitId),
    state: url.state,
    category: url.category,
    urgency: url.urgency,
    overdue: url.overdue === 'true' ? true : undefined,
    q: url.q,
  };
  const items = useItems(filters);
  const rows = items.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const [exporting, setExporting] = useState(false);

  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile(itemsExportPath(filters), 'hotline-items.xlsx');
    } catch (err) {
      void message.error(t('admin-kit:downloadFailed', { reason: errorMessage(t, err) }));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<THotlineListItem> = [
    {
      key: 'code',
      title: t('fields.code'),
      render: (_, i) => <span className="ll-hl-nowrap">{i.code}</span>,
    },
    {
      key: 'title',
      title: t('fields.title'),
      render: (_, i) => <Link to={`/hotline/items/${i.id}`}>{i.title}</Link>,
    },
    { key: 'category', title: t('fields.category'), render: (_, i) => labels.category(i.category) },
    { key: 'urgency', title: t('fields.urgency'), render: (_, i) => <UrgencyTag urgency={i.urgency} /> },
    { key: 'state', title: t('fields.state'), render: (_, i) => <StateTag state={i.state} /> },
    { key: 'unit', title: t('fields.unit'), render: (_, i) => i.unit.name },
    { key: 'handlingUnit', title: t('fields.handlingUnit'), render: (_, i) => i.handlingUnit.name },
    { key: 'meToo', title: t('fields.meToo'), align: 'right', render: (_, i) => i.meToo },
    {
      key: 'createdAt',
      title: t('fields.createdAt'),
      render: (_, i) => {
        const [day, time] = splitMinute(i.createdAt, labels.lang);
        return (
          <Flex vertical>
            <span className="ll-hl-nowrap">{day}</span>
            <Typography.Text type="secondary" className="ll-hl-small">
              {time}
            </Typography.Text>
          </Flex>
        );
      },
    },
    { key: 'answerDue', title: t('fields.answerDue'), render: (_, i) => <DeadlineCell item={i} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('desk.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void onExport()}
            data-testid="hotline-export"
          >
            {t('admin-kit:actions.export')}
          </Button>
        }
      />
      <Card>
        <FilterBar>
          <SearchFilter
            value={url.q}
            onSearch={(q) => setUrl({ q })}
            placeholder={t('desk.search')}
            width={260}
            testId="hotline-search"
          />
          <UnitTreeSelect
            value={idParam(url.unitId)}
            onChange={(v) => setUrl({ unitId: v })}
            placeholder={t('desk.unitFilter')}
            aria-label={t('desk.unitFilter')}
            style={{ width: 220 }}
          />
          <SelectFilter
            value={url.state}
            onChange={(v) => setUrl({ state: v })}
            label={t('fields.state')}
            options={labels.stateOptions()}
            width={170}
            testId="hotline-state-filter"
          />
          <SelectFilter
            value={url.category}
            onChange={(v) => setUrl({ category: v })}
            label={t('fields.category')}
            options={labels.categoryOptions()}
            width={160}
          />
          <SelectFilter
            value={url.urgency}
            onChange={(v) => setUrl({ urgency: v })}
            label={t('fields.urgency')}
            options={labels.urgencyOptions()}
            width={190}
          />
          <Checkbox
            checked={url.overdue === 'true'}
            onChange={(e) => setUrl({ overdue: e.target.checked })}
            data-testid="hotline-overdue-filter"
          >
            {t('desk.overdueOnly')}
          </Checkbox>
        </FilterBar>
        {items.isError && (
          <Alert type="error" showIcon title={errorMessage(t, items.error)} className="ll-hl-gap" />
        )}
        <Table<THotlineListItem>
          rowKey="id"
          size="middle"
          data-testid="hotline-items"
          columns={columns}
          dataSource={rows}
          loading={items.isFetching && !items.isFetchingNextPage}
          scroll={{ x: 'max-content' }}
          pagination={false}
          rowClassName={(i) => (i.overdue ? 'll-clickable-row ll-hl-row-overdue' : 'll-clickable-row')}
          onRow={(i) => ({
            onClick: (e) => {
              if (!(e.target as HTMLElement).closest('a')) navigate(`/hotline/items/${i.id}`);
            },
          })}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={filtered ? t('desk.emptyFiltered') : t('desk.empty')}
              />
            ),
          }}
        />
        <Flex className="ll-hl-more" vertical align="center" gap={4}>
          {items.hasNextPage ? (
            <Button
              onClick={() => void items.fetchNextPage()}
              loading={items.isFetchingNextPage}
              data-testid="hotline-more"
            >
              {t('desk.more')}
            </Button>
          ) : (
            rows.length > 0 && (
              <Typography.Text type="secondary" className="ll-hl-small">
                {t('desk.all', { count: rows.length })}
              </Typography.Text>
            )
          )}
        </Flex>
      </Card>
    </>
  );
}
