import type { TExportJob } from '@lifeline/shared';
import { App, Modal, Progress, Typography } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/api-fetch';
import { errorMessage } from '../../i18n/error-message';
import { exportPercent, exportSettled, nextPollDelay } from './export-progress';
import { downloadFile } from './files';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An export that runs as a job on the server: starts it, shows its progress in a dialog, and
 * downloads the file when it is ready. Closing the dialog stops watching, not the export.
 */
export function useExportJob(): {
  start: (path: string, body: unknown) => Promise<void>;
  running: boolean;
  dialog: ReactNode;
} {
  const { t } = useTranslation(['admin-kit', 'errors']);
  const { message } = App.useApp();
  const [job, setJob] = useState<TExportJob | null>(null);
  const watching = useRef(0);

  const start = async (path: string, body: unknown) => {
    const ticket = ++watching.current;
    try {
      let current = await apiFetch<TExportJob>(path, { method: 'POST', body });
      setJob(current);
      for (let attempt = 0; !exportSettled(current); attempt++) {
        await sleep(nextPollDelay(attempt));
        if (watching.current !== ticket) return;
        current = await apiFetch<TExportJob>(`/api/exports/${current.id}`);
        setJob(current);
      }
      if (current.state === 'failed' || !current.downloadUrl) {
        void message.error(t('exportJob.failed'));
      } else {
        await downloadFile(current.downloadUrl, current.fileName);
        void message.success(t('exportJob.ready', { count: current.total ?? 0 }));
      }
    } catch (err) {
      void message.error(t('downloadFailed', { reason: errorMessage(t, err) }));
    } finally {
      if (watching.current === ticket) setJob(null);
    }
  };

  const dialog = (
    <Modal
      open={job !== null}
      title={t('exportJob.title')}
      footer={null}
      onCancel={() => {
        watching.current++;
        setJob(null);
      }}
      maskClosable={false}
      data-testid="export-job"
    >
      {job && (
        <>
          <Progress percent={exportPercent(job)} status="active" aria-label={t('exportJob.title')} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {job.total === null
              ? t('exportJob.counting')
              : t('exportJob.progress', { done: job.done, total: job.total })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('exportJob.background')}</Typography.Paragraph>
        </>
      )}
    </Modal>
  );

  return { start, running: job !== null, dialog };
}
