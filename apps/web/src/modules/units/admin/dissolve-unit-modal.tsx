import { Alert, App, DatePicker, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fromDayjs, today } from '../../admin-kit/dates';
import { useReportError } from '../../admin-kit/use-report-error';
import { UNIT_TREE_KEY, useDissolveUnit } from '../api';
import type { UnitTreeItem } from '../unit-tree';

/** Dissolves a unit on a date, after saying what that means (records stay, pickers drop it). */
export function DissolveUnitModal({ unit, onClose }: { unit: UnitTreeItem; onClose: () => void }) {
  const { t } = useTranslation(['units', 'admin-kit']);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ dissolvedOn: Dayjs }>();
  const dissolve = useDissolveUnit();
  const reportError = useReportError([UNIT_TREE_KEY]);

  const onFinish = ({ dissolvedOn }: { dissolvedOn: Dayjs }) => {
    dissolve.mutate(
      { id: unit.id, version: unit.version, dissolvedOn: fromDayjs(dissolvedOn)! },
      {
        onSuccess: () => {
          void message.success(t('dissolve.done', { name: unit.name }));
          onClose();
        },
        onError: (error) => {
          reportError(error);
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('dissolve.title', { name: unit.name })}
      okText={t('dissolve.ok')}
      okButtonProps={{ danger: true }}
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={dissolve.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('dissolve.body')} style={{ marginBottom: 16 }} />
      <Form
        name="dissolve-unit"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ dissolvedOn: today() }}
      >
        <Form.Item
          name="dissolvedOn"
          label={t('dissolve.date')}
          rules={[{ required: true, message: t('dissolve.dateRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
