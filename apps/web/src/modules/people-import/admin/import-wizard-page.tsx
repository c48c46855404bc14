import type { TPeopleImport } from '@lifeline/shared';
import { Button, Card, Flex, Progress, Result, Spin, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageLoading } from '../../../app/pages/page-loading';
import { errorMessage } from '../../../i18n/error-message';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam } from '../../admin-kit/url-filters';
import { useImportJob } from '../api';
import { ImportColumnNotes } from '../components/import-column-notes';
import { MyImports } from '../components/my-imports';
import { ImportPrepareStep } from './import-prepare-step';
import { ImportReportStep } from './import-report-step';
import { ImportResultStep } from './import-result-step';

const STEPS = ['template', 'upload', 'validate', 'import', 'result'] as const;

/** The step an import is at, and whether that step failed. */
function stepOf(
  job: TPeopleImport | undefined,
  templateTaken: boolean,
): { current: number; failed: boolean } {
  if (!job) return { current: templateTaken ? 1 : 0, failed: false };
  switch (job.state) {
    case 'validating':
    case 'validated':
    case 'invalid':
      return { current: 2, failed: false };
    case 'importing':
      return { current: 3, failed: false };
    case 'done':
      return { current: 4, failed: false };
    case 'failed':
      return { current: job.mode ? 3 : 2, failed: true };
  }
}

/**
 * The roster import: template → upload → validation report → confirm → progress → result. The
 * import's id is kept in the address, so a reload (or a long import) resumes where it was; the
 * first page also lists my past imports, each opening here with its report.
 */
export function ImportWizardPage() {
  const { t } = useTranslation(['people-import', 'admin-kit', 'errors']);
  const [params, setParams] = useSearchParams();
  const id = idParam(params.get('id') ?? undefined);
  const job = useImportJob(id);
  const [templateTaken, setTemplateTaken] = useState(false);
  const { current, failed } = stepOf(job.data, templateTaken);
  const restart = () => setParams({}, { replace: false });

  let body: React.ReactNode;
  if (id === undefined) {
    body = (
      <ImportPrepareStep
        onTemplate={() => setTemplateTaken(true)}
        onUploaded={(uploaded) => setParams({ id: String(uploaded.id) })}
      />
    );
  } else if (job.isError) {
    body = (
      <Result
        status="warning"
        title={t('failed.loadTitle')}
        subTitle={errorMessage(t, job.error)}
        extra={<Button onClick={restart}>{t('actions.restart')}</Button>}
      />
    );
  } else if (!job.data) {
    body = <PageLoading />;
  } else if (job.data.state === 'validating' || job.data.state === 'importing') {
    body = <ImportProgress job={job.data} />;
  } else if (job.data.state === 'validated' || job.data.state === 'invalid') {
    body = <ImportReportStep job={job.data} onRestart={restart} />;
  } else if (job.data.state === 'done') {
    body = <ImportResultStep job={job.data} onRestart={restart} />;
  } else {
    body = (
      <Result
        status="error"
        title={job.data.mode ? t('failed.importTitle') : t('failed.readTitle')}
        subTitle={
          <Flex vertical gap={4}>
            <span>{t('failed.nothingChanged')}</span>
            {job.data.failure && <Typography.Text type="secondary">{job.data.failure}</Typography.Text>}
          </Flex>
        }
        extra={
          <Button type="primary" onClick={restart}>
            {t('actions.restart')}
          </Button>
        }
      >
        {job.data.columnNotes.length > 0 && (
          <Flex vertical gap="small">
            <ImportColumnNotes notes={job.data.columnNotes} />
          </Flex>
        )}
      </Result>
    );
  }

  return (
    <>
      <PageHeader title={t('title')} />
      <Card>
        <Steps
          current={current}
          status={failed ? 'error' : current === 4 ? 'finish' : 'process'}
          items={STEPS.map((s) => ({ key: s, title: t(`steps.${s}`) }))}
          responsive
          style={{ marginBottom: 24 }}
        />
        {body}
      </Card>
      {id === undefined && (
        <div style={{ marginTop: 16 }}>
          <MyImports onOpen={(open) => setParams({ id: String(open) })} />
        </div>
      )}
    </>
  );
}

/** The server's progress: rows checked while validating; while applying, one transaction runs. */
function ImportProgress({ job }: { job: TPeopleImport }) {
  const { t } = useTranslation('people-import');
  const validating = job.state === 'validating';
  const percent =
    validating && job.totalRows > 0
      ? Math.min(99, Math.floor((job.processedRows / job.totalRows) * 100))
      : undefined;
  return (
    <Flex vertical align="center" gap="middle" style={{ padding: '32px 0' }} data-testid="import-progress">
      {percent === undefined ? <Spin size="large" /> : <Progress type="circle" percent={percent} />}
      <Typography.Text strong>
        {validating
          ? t('progress.validating', { file: job.fileName })
          : t('progress.importing', { count: job.validRows })}
      </Typography.Text>
      {validating && job.processedRows > 0 && (
        <Typography.Text type="secondary">
          {t('progress.checked', { count: job.processedRows })}
        </Typography.Text>
      )}
      <Typography.Text type="secondary">{t('progress.keepOpen')}</Typography.Text>
    </Flex>
  );
}
