import type { TRole } from '@lifeline/shared';
import { Alert, App, DatePicker, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { showFieldProblems } from '../../admin-kit/api-problems';
import { fromDayjs } from '../../admin-kit/dates';
import { useLabels } from '../../admin-kit/labels';
import { useReportError } from '../../admin-kit/use-report-error';
import { PersonSelect } from '../../people/components/person-select';
import { UnitTreeSelect } from '../../units/components/unit-tree-select';
import { useAssignRole, useGrantableRoles } from '../api';

type Values = {
  personId: number;
  role: TRole;
  unitId: number;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
};
const FIELDS = ['personId', 'role', 'unitId', 'startsOn', 'endsOn'] as const;

type Props = {
  /** Fixed on a person's page; chosen by search on the roles page. */
  personId?: number;
  personName?: string;
  unitId?: number;
  onClose: () => void;
};

/**
 * Assigns a role on a unit (covering its subtree) for an optional period. The roles offered are
 * those the server says I may grant on the chosen unit to the chosen person (only roles whose
 * permissions I hold there, never to myself); the server decides again on submit.
 */
export function AssignRoleModal({ personId, personName, unitId, onClose }: Props) {
  const { t } = useTranslation(['roles', 'admin-kit']);
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const assign = useAssignRole();
  const reportError = useReportError();
  const chosenUnit = Form.useWatch('unitId', form) ?? unitId;
  const chosenPerson = Form.useWatch('personId', form) ?? personId;
  const grantable = useGrantableRoles(chosenUnit, chosenPerson);
  const roles = grantable.data?.roles ?? [];
  const noneGrantable = grantable.isSuccess && roles.length === 0;

  const onFinish = (v: Values) => {
    assign.mutate(
      {
        personId: personId ?? v.personId,
        role: v.role,
        unitId: v.unitId,
        startsOn: fromDayjs(v.startsOn),
        endsOn: fromDayjs(v.endsOn),
      },
      {
        onSuccess: (a) => {
          void message.success(
            t('assign.done', { person: a.personName, role: labels.role(a.role), unit: a.unitName }),
          );
          onClose();
        },
        onError: (error) => {
          if (!showFieldProblems(form, error, FIELDS)) reportError(error);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={personName ? t('assign.titleFor', { name: personName }) : t('assign.title')}
      okText={t('assign.ok')}
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={assign.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        name="assign-role"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ unitId }}
      >
        {personId === undefined && (
          <Form.Item
            name="personId"
            label={t('assign.person')}
            rules={[{ required: true, message: t('assign.personRequired') }]}
          >
            <PersonSelect />
          </Form.Item>
        )}
        <Form.Item
          name="unitId"
          label={t('assign.unit')}
          extra={t('assign.unitHint')}
          rules={[{ required: true, message: t('assign.unitRequired') }]}
        >
          <UnitTreeSelect allowClear={false} />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('assign.role')}
          rules={[{ required: true, message: t('assign.roleRequired') }]}
        >
          <Select
            disabled={chosenUnit === undefined || noneGrantable}
            loading={grantable.isFetching}
            placeholder={chosenUnit === undefined ? t('assign.roleNeedsUnit') : undefined}
            options={roles.map((r) => ({ value: r, label: labels.role(r) }))}
          />
        </Form.Item>
        {noneGrantable && <Alert type="info" showIcon message={t('assign.noneGrantable')} />}
        <Form.Item name="startsOn" label={t('assign.startsOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('assign.endsOn')}
          dependencies={['startsOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value?: Dayjs | null) => {
                const starts = getFieldValue('startsOn') as Dayjs | null | undefined;
                return value && starts && value.isBefore(starts, 'day')
                  ? Promise.reject(new Error(t('assign.endsBeforeStarts')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
