import type { TProject } from '@lifeline/shared';
import { App, Empty, Form, Input, List, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../../../admin-kit/dates';
import { useAddSupervision } from '../../api';
import { useInnovationLabels } from '../../format';
import { useInnovationError } from '../../problems';

const NOTE_MAX = 4000;

/** Supervision notes (督导) of the secretariat: the server sends them only to its staff. */
export function SupervisionTab({ notes }: { notes: NonNullable<TProject['supervisionNotes']> }) {
  const { t } = useTranslation('innovation');
  const labels = useInnovationLabels();
  if (notes.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.none')} />;
  return (
    <List
      itemLayout="vertical"
      dataSource={notes}
      data-testid="supervision-notes"
      renderItem={(n) => (
        <List.Item key={n.id}>
          <List.Item.Meta
            title={
              <span>
                {n.authorName}{' '}
                <Typography.Text type="secondary" className="ll-inno-small">
                  {formatTimestamp(n.at, labels.lang)}
                </Typography.Text>
              </span>
            }
          />
          <div className="ll-inno-pre">{n.note}</div>
        </List.Item>
      )}
    />
  );
}

export function SupervisionModal({
  project,
  open,
  onClose,
}: {
  project: TProject;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const add = useAddSupervision(project.id);
  const reportError = useInnovationError();
  return (
    <Modal
      open={open}
      title={t('supervision.add')}
      okText={t('admin-kit:actions.save')}
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={add.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('supervision.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          add.mutate(v.note.trim(), {
            onSuccess: () => {
              void message.success(t('supervision.done'));
              onClose();
            },
            onError: reportError,
          })
        }
      >
        <Form.Item
          name="note"
          label={t('supervision.note')}
          rules={[
            { required: true, whitespace: true, message: t('supervision.required') },
            { max: NOTE_MAX, message: t('form.tooLong', { max: NOTE_MAX }) },
          ]}
        >
          <Input.TextArea rows={5} maxLength={NOTE_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
