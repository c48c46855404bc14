import type { TProject } from '@lifeline/shared';
import { App, Checkbox, Empty, Form, Input, List, Modal, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../../../admin-kit/dates';
import { useAddProgress } from '../../api';
import { formatDay, useInnovationLabels } from '../../format';
import { useInnovationError } from '../../problems';

const TEXT_MAX = 4000;

/** The applicant's progress reports, newest first, with the milestone each one concerns. */
export function ProgressTab({ project }: { project: TProject }) {
  const { t } = useTranslation('innovation');
  const labels = useInnovationLabels();
  const titleOf = new Map(project.milestones.map((m) => [m.id, m.title]));
  if (project.progressReports.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('progress.none')} />;
  return (
    <List
      itemLayout="vertical"
      dataSource={project.progressReports}
      data-testid="progress-reports"
      renderItem={(r) => (
        <List.Item key={r.id}>
          <List.Item.Meta
            title={
              <span>
                {r.authorName}{' '}
                <Typography.Text type="secondary" className="ll-inno-small">
                  {formatTimestamp(r.at, labels.lang)}
                </Typography.Text>
              </span>
            }
            description={
              r.milestoneId ? (
                <Tag>{t('progress.about', { title: titleOf.get(r.milestoneId) ?? `#${r.milestoneId}` })}</Tag>
              ) : null
            }
          />
          <div className="ll-inno-pre">{r.text}</div>
        </List.Item>
      )}
    />
  );
}

type Values = { text: string; milestoneId?: number; milestoneDone?: boolean };

/** Reports progress; choosing an open milestone can mark it done with this report as its outcome. */
export function ProgressModal({
  project,
  open,
  onClose,
}: {
  project: TProject;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const labels = useInnovationLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddProgress(project.id);
  const reportError = useInnovationError();
  const milestoneId = Form.useWatch('milestoneId', form);
  const open_ = project.milestones.filter((m) => !m.doneOn);

  const onFinish = (v: Values) =>
    add.mutate(
      {
        text: v.text.trim(),
        milestoneId: v.milestoneId ?? null,
        milestoneDone: Boolean(v.milestoneId && v.milestoneDone),
      },
      {
        onSuccess: () => {
          void message.success(t('progress.done'));
          onClose();
        },
        onError: reportError,
      },
    );

  return (
    <Modal
      open={open}
      title={t('progress.report')}
      okText={t('progress.send')}
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={add.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form name="progress" form={form} layout="vertical" preserve={false} onFinish={onFinish}>
        <Form.Item name="milestoneId" label={t('progress.milestone')} extra={t('progress.milestoneHint')}>
          <Select
            allowClear
            placeholder={t('progress.noMilestone')}
            options={open_.map((m) => ({
              value: m.id,
              label: t('progress.milestoneOption', { title: m.title, due: formatDay(m.dueOn, labels.lang) }),
            }))}
          />
        </Form.Item>
        <Form.Item name="milestoneDone" valuePropName="checked">
          <Checkbox disabled={!milestoneId}>{t('progress.markDone')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="text"
          label={t('progress.text')}
          rules={[
            { required: true, whitespace: true, message: t('progress.textRequired') },
            { max: TEXT_MAX, message: t('form.tooLong', { max: TEXT_MAX }) },
          ]}
        >
          <Input.TextArea rows={5} maxLength={TEXT_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
