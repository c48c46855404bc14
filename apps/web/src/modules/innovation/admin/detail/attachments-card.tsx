import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { TProject } from '@lifeline/shared';
import { App, Button, Card, Empty, List, Popconfirm, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../i18n/error-message';
import { formatTimestamp } from '../../../admin-kit/dates';
import { downloadFile } from '../../../admin-kit/files';
import { attachmentPath, useRemoveAttachment, useUploadAttachment } from '../../api';
import { formatSize, useInnovationLabels } from '../../format';
import { useInnovationError } from '../../problems';

/** What the server accepts (PDF, Word, Excel, PowerPoint, JPEG, PNG) and how big. */
const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.jpg,.jpeg,.png';
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * The project's documents: anyone who sees the project downloads them; the applicant adds them
 * while the declaration is editable or the project runs, and removes them only from a draft or
 * a returned declaration (the server keeps what was submitted).
 */
export function AttachmentsCard({ project }: { project: TProject }) {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const labels = useInnovationLabels();
  const { message } = App.useApp();
  const upload = useUploadAttachment(project.id);
  const remove = useRemoveAttachment(project.id);
  const reportError = useInnovationError();
  const [downloading, setDownloading] = useState<string | null>(null);
  const canAdd = project.abilities.edit || project.abilities.report;
  const canRemove = project.abilities.edit;

  const onDownload = async (fileId: string, name: string) => {
    setDownloading(fileId);
    try {
      await downloadFile(attachmentPath(project.id, fileId), name);
    } catch (err) {
      void message.error(t('admin-kit:downloadFailed', { reason: errorMessage(t, err) }));
    } finally {
      setDownloading(null);
    }
  };

  return (
    <Card
      title={t('detail.attachments')}
      className="ll-inno-gap"
      extra={
        canAdd && (
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > MAX_BYTES) {
                void message.error(t('detail.fileTooBig', { max: '20 MB' }));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              upload.mutate(file as File, {
                onSuccess: (a) => {
                  void message.success(t('detail.uploaded', { name: a.name }));
                  onSuccess?.(a);
                },
                onError: (err) => {
                  reportError(err);
                  onError?.(err);
                },
              });
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="upload-attachment">
              {t('detail.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {project.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noAttachments')} />
      ) : (
        <List
          size="small"
          dataSource={project.attachments}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Button
                  key="download"
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  loading={downloading === a.id}
                  onClick={() => void onDownload(a.id, a.name)}
                >
                  {t('admin-kit:actions.download')}
                </Button>,
                ...(canRemove
                  ? [
                      <Popconfirm
                        key="remove"
                        title={t('detail.removeAttachment', { name: a.name })}
                        okText={t('detail.remove')}
                        cancelText={t('admin-kit:actions.cancel')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove.mutateAsync(a.id).catch(reportError)}
                      >
                        <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                          {t('detail.remove')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                avatar={<PaperClipOutlined />}
                title={<Typography.Text ellipsis={{ tooltip: a.name }}>{a.name}</Typography.Text>}
                description={`${formatSize(a.size, labels.lang)} · ${formatTimestamp(a.uploadedAt, labels.lang)}`}
              />
            </List.Item>
          )}
        />
      )}
      {canAdd && (
        <Typography.Paragraph type="secondary" className="ll-inno-small ll-inno-top-gap">
          {t('detail.uploadHint')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
