import { DownloadOutlined } from '@ant-design/icons';
import type { TPeopleImport } from '@lifeline/shared';
import { Alert, App, Button, Col, Flex, Radio, Row, Statistic, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { errorMessage } from '../../../i18n/error-message';
import { downloadFile } from '../../admin-kit/files';
import { type MissingAs, useCommitImport } from '../api';
import { ImportColumnNotes } from '../components/import-column-notes';

type RowError = TPeopleImport['sampleErrors'][number];

/** Why a confirmation was refused: "all" with rows in error writes nothing, by design. */
function commitProblem(t: TFunction, error: unknown): string {
  const details =
    error instanceof ApiError ? (error.details as { invalidRows?: unknown } | undefined) : undefined;
  if (typeof details?.invalidRows === 'number') {
    return t('people-import:report.allRefused', { count: details.invalidRows });
  }
  return errorMessage(t, error);
}

/**
 * Step three: what the check found, the first errors and the full report, the columns not
 * imported, for a full roster the people it leaves out, then the choice.
 */
export function ImportReportStep({ job, onRestart }: { job: TPeopleImport; onRestart: () => void }) {
  const { t } = useTranslation(['people-import', 'admin-kit', 'errors']);
  const { message } = App.useApp();
  const commit = useCommitImport();
  const [downloading, setDownloading] = useState(false);
  const [missingAs, setMissingAs] = useState<MissingAs | 'keep'>('keep');
  const hasErrors = job.invalidRows > 0;
  const confirm = (mode: 'all' | 'valid_only') =>
    commit.mutate({ id: job.id, mode, ...(missingAs === 'keep' ? {} : { missingAs }) });

  const onReport = async () => {
    setDownloading(true);
    try {
      await downloadFile(`/api/people/imports/${job.id}/errors.xlsx`, 'errors.xlsx');
    } catch (err) {
      void message.error(t('admin-kit:downloadFailed', { reason: errorMessage(t, err) }));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Flex vertical gap="middle" data-testid="import-report">
      <Row gutter={16}>
        <Col xs={8}>
          <Statistic title={t('report.total')} value={job.totalRows} />
        </Col>
        <Col xs={8}>
          <Statistic
            title={t('report.valid')}
            value={job.validRows}
            styles={{ content: { color: '#389e0d' } }}
          />
        </Col>
        <Col xs={8}>
          <Statistic
            title={t('report.invalid')}
            value={job.invalidRows}
            styles={{ content: { color: hasErrors ? '#cf1322' : undefined } }}
          />
        </Col>
      </Row>
      {hasErrors ? (
        <Alert
          type="warning"
          showIcon
          title={t('report.someInvalid', { count: job.invalidRows })}
          description={t('report.choice')}
        />
      ) : (
        <Alert type="success" showIcon title={t('report.allValid', { count: job.totalRows })} />
      )}
      <ImportColumnNotes notes={job.columnNotes} />
      {job.sampleErrors.length > 0 && (
        <>
          <Flex justify="space-between" align="center" wrap gap="small">
            <Typography.Text strong>
              {t('report.firstErrors', { count: job.sampleErrors.length })}
            </Typography.Text>
            {job.hasErrorReport && (
              <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void onReport()}>
                {t('report.download')}
              </Button>
            )}
          </Flex>
          <Table<RowError>
            size="small"
            rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
            dataSource={job.sampleErrors}
            pagination={job.sampleErrors.length > 10 ? { pageSize: 10 } : false}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'row', dataIndex: 'row', title: t('report.row'), width: 80 },
              { key: 'column', dataIndex: 'column', title: t('report.column'), width: 140 },
              { key: 'message', dataIndex: 'message', title: t('report.message') },
            ]}
          />
        </>
      )}
      {job.missingPeople > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="import-missing"
          title={t('missing.title', { count: job.missingPeople, units: job.fileUnits })}
          description={
            <Flex vertical gap="small">
              <span>{t('missing.body')}</span>
              <Radio.Group
                value={missingAs}
                onChange={(e) => setMissingAs(e.target.value)}
                options={[
                  { value: 'keep', label: t('missing.keep') },
                  { value: 'resigned', label: t('missing.resigned', { count: job.missingPeople }) },
                  {
                    value: 'transferred_out',
                    label: t('missing.transferredOut', { count: job.missingPeople }),
                  },
                ]}
              />
            </Flex>
          }
        />
      )}
      {commit.isError && <Alert type="error" showIcon role="alert" title={commitProblem(t, commit.error)} />}
      <Flex wrap gap="small">
        <Button
          type={hasErrors ? 'default' : 'primary'}
          loading={commit.isPending && commit.variables?.mode === 'all'}
          disabled={commit.isPending}
          onClick={() => confirm('all')}
          data-testid="import-all"
        >
          {t('report.importAll', { count: job.totalRows })}
        </Button>
        {hasErrors && job.validRows > 0 && (
          <Button
            type="primary"
            loading={commit.isPending && commit.variables?.mode === 'valid_only'}
            disabled={commit.isPending}
            onClick={() => confirm('valid_only')}
            data-testid="import-valid"
          >
            {t('report.importValid', { count: job.validRows })}
          </Button>
        )}
        <Button onClick={onRestart}>{t('actions.restart')}</Button>
      </Flex>
    </Flex>
  );
}
