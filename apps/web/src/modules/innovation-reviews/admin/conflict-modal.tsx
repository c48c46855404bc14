import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { showFieldProblems } from '../../admin-kit/api-problems';
import { useReportError } from '../../admin-kit/use-report-error';
import { UnitTreeSelect } from '../../units/components/unit-tree-select';
import { type TMyReview, useDeclareConflict } from '../api';

type Values = { target: 'project' | 'unit'; projectId?: number; unitId?: number; reason: string };

type Props = {
  /** The assignments to choose a project from. */
  reviews: readonly TMyReview[];
  /** Preselects a project (from its scoring page). */
  projectId?: number;
  /** Called after a declaration with whether the given project's assignment was withdrawn. */
  onDeclared?: () => void;
  onClose: () => void;
};

/**
 * Declares a conflict of interest with one of my projects or with a unit (its whole subtree).
 * The server withdraws every open assignment the declaration now touches.
 */
export function ConflictModal({ reviews, projectId, onDeclared, onClose }: Props) {
  const { t } = useTranslation(['innovation-reviews', 'admin-kit']);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('target', form) ?? 'project';
  const declare = useDeclareConflict();
  const reportError = useReportError();
  const projects = [...new Map(reviews.map((r) => [r.projectId, r])).values()];

  const onFinish = (v: Values) => {
    declare.mutate(
      v.target === 'project'
        ? { projectId: v.projectId, reason: v.reason }
        : { unitId: v.unitId, reason: v.reason },
      {
        onSuccess: () => {
          void message.success(t('conflict.done'));
          onDeclared?.();
          onClose();
        },
        onError: (error) => {
          if (!showFieldProblems(form, error, ['projectId', 'unitId', 'reason'])) reportError(error);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('conflict.title')}
      okText={t('conflict.ok')}
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={declare.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        name="declare-conflict"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ target: 'project', projectId }}
      >
        <Form.Item name="target" label={t('conflict.target')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'project', label: t('conflict.targetProject') },
              { value: 'unit', label: t('conflict.targetUnit') },
            ]}
          />
        </Form.Item>
        {target === 'project' ? (
          <Form.Item
            name="projectId"
            label={t('conflict.project')}
            rules={[{ required: true, message: t('conflict.projectRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('conflict.projectPlaceholder')}
              options={projects.map((r) => ({
                value: r.projectId,
                label: `${r.projectCode} ${r.projectTitle}`,
              }))}
              notFoundContent={t('conflict.noProjects')}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="unitId"
            label={t('conflict.unit')}
            extra={t('conflict.unitHint')}
            rules={[{ required: true, message: t('conflict.unitRequired') }]}
          >
            <UnitTreeSelect allowClear={false} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('conflict.reason')}
          rules={[
            { required: true, whitespace: true, message: t('conflict.reasonRequired') },
            { max: 500, message: t('conflict.reasonTooLong') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('conflict.reasonPlaceholder')} />
        </Form.Item>
        <Form.Item noStyle>
          <div className="ll-review-hint">{t('conflict.effect')}</div>
        </Form.Item>
      </Form>
    </Modal>
  );
}
