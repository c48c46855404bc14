import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { TPeopleImport } from '@lifeline/shared';
import { Alert, App, Button, Col, Row, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../i18n/error-message';
import { downloadFile } from '../../admin-kit/files';
import { useUploadRoster } from '../api';

type Props = { onTemplate: () => void; onUploaded: (job: TPeopleImport) => void };

/** Step one and two: the template (with the user's unit codes in it) and the upload. */
export function ImportPrepareStep({ onTemplate, onUploaded }: Props) {
  const { t } = useTranslation(['people-import', 'admin-kit', 'errors']);
  const { message } = App.useApp();
  const upload = useUploadRoster();
  const [downloading, setDownloading] = useState(false);

  const onDownload = async () => {
    setDownloading(true);
    try {
      await downloadFile('/api/people/import-template.xlsx', 'template.xlsx');
      onTemplate();
    } catch (err) {
      void message.error(t('admin-kit:downloadFailed', { reason: errorMessage(t, err) }));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={10}>
        <Typography.Title level={5}>{t('prepare.templateTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('prepare.templateBody')}</Typography.Paragraph>
        <ul style={{ paddingInlineStart: 20, color: 'rgba(0, 0, 0, 0.65)' }}>
          <li>{t('prepare.ruleRequired')}</li>
          <li>{t('prepare.ruleColumns')}</li>
          <li>{t('prepare.ruleAbsent')}</li>
          <li>{t('prepare.ruleUnits')}</li>
          <li>{t('prepare.ruleUpdate')}</li>
          <li>{t('prepare.ruleIdCard')}</li>
        </ul>
        <Button
          icon={<DownloadOutlined />}
          loading={downloading}
          onClick={() => void onDownload()}
          data-testid="download-template"
        >
          {t('prepare.download')}
        </Button>
      </Col>
      <Col xs={24} lg={14}>
        <Typography.Title level={5}>{t('prepare.uploadTitle')}</Typography.Title>
        {upload.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(t, upload.error)}
            style={{ marginBottom: 12 }}
          />
        )}
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          height={220}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            if (!file.name.toLowerCase().endsWith('.xlsx')) {
              void message.error(t('prepare.onlyXlsx'));
              return Upload.LIST_IGNORE;
            }
            upload.mutate(file, { onSuccess: onUploaded });
            return Upload.LIST_IGNORE;
          }}
          data-testid="roster-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{upload.isPending ? t('prepare.uploading') : t('prepare.drop')}</p>
          <p className="ant-upload-hint">{t('prepare.dropHint')}</p>
        </Upload.Dragger>
      </Col>
    </Row>
  );
}
