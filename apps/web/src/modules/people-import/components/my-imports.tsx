import { DownloadOutlined, WarningOutlined } from '@ant-design/icons';
import type { TPeopleImportSummary } from '@lifeline/shared';
import { App, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../i18n/error-message';
import { formatTimestamp } from '../../admin-kit/dates';
import { downloadFile } from '../../admin-kit/files';
import { useMyImports } from '../api';

const PAGE_SIZE = 10;
const STATE_COLOR: Record<TPeopleImportSummary['state'], string> = {
  validating: 'processing',
  validated: 'blue',
  invalid: 'warning',
  importing: 'processing',
  done: 'success',
  failed: 'error',
};

/**
 * My past imports, newest first: each with its state, counts and column warnings, a link back
 * to its page in the wizard, and its error report when it has one.
 */
export function MyImports({ onOpen }: { onOpen: (id: number) => void }) {
  const { t, i18n } = useTranslation(['people-import', 'admin-kit', 'errors']);
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const list = useMyImports(page, PAGE_SIZE);
  const [downloading, setDownloading] = useState<number | null>(null);

  const onReport = async (job: TPeopleImportSummary) => {
    setDownloading(job.id);
    try {
      await downloadFile(`/api/people/imports/${job.id}/errors.xlsx`, 'errors.xlsx');
    } catch (err) {
      void message.error(t('admin-kit:downloadFailed', { reason: errorMessage(t, err) }));
    } finally {
      setDownloading(null);
    }
  };

  return (
    <Card title={t('mine.title')} data-testid="my-imports">
      <Table<TPeopleImportSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.isError ? errorMessage(t, list.error) : t('mine.empty') }}
        pagination={
          (list.data?.total ?? 0) > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: list.data?.total, onChange: setPage }
            : false
        }
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'file',
            title: t('mine.file'),
            render: (_, job) => (
              <Flex vertical gap={2}>
                <Typography.Text>{job.fileName}</Typography.Text>
                <Typography.Text type="secondary">
                  {formatTimestamp(job.createdAt, i18n.language)}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'state',
            title: t('mine.state'),
            render: (_, job) => <Tag color={STATE_COLOR[job.state]}>{t(`mine.states.${job.state}`)}</Tag>,
          },
          {
            key: 'rows',
            title: t('mine.rows'),
            render: (_, job) => (
              <Flex vertical gap={2}>
                <span>
                  {t('mine.rowCounts', {
                    total: job.totalRows,
                    valid: job.validRows,
                    invalid: job.invalidRows,
                  })}
                </span>
                {job.state === 'done' && (
                  <Typography.Text type="secondary">
                    {t('mine.resultCounts', {
                      created: job.created,
                      updated: job.updated,
                      unchanged: job.unchanged,
                    })}
                  </Typography.Text>
                )}
                {job.state === 'done' && job.missingAs && (
                  <Typography.Text type="secondary">
                    {t(job.missingAs === 'resigned' ? 'mine.markedResigned' : 'mine.markedTransferred', {
                      count: job.marked,
                    })}
                  </Typography.Text>
                )}
                {job.columnNotes.some((n) => n.reason !== 'alias') && (
                  <span>
                    <WarningOutlined style={{ color: '#d46b08', marginInlineEnd: 4 }} />
                    {t('mine.ignoredColumns', {
                      count: job.columnNotes.filter((n) => n.reason !== 'alias').length,
                    })}
                  </span>
                )}
              </Flex>
            ),
          },
          {
            key: 'actions',
            title: t('mine.actions'),
            render: (_, job) => (
              <Flex gap="small" wrap>
                <Button size="small" onClick={() => onOpen(job.id)}>
                  {t('mine.open')}
                </Button>
                {job.hasErrorReport && (
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    loading={downloading === job.id}
                    onClick={() => void onReport(job)}
                  >
                    {t('mine.report')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
