import type { TUnitType } from '@lifeline/shared';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isStaleVersion, showFieldProblems } from '../../admin-kit/api-problems';
import { fromDayjs, toDayjs } from '../../admin-kit/dates';
import { useLabels } from '../../admin-kit/labels';
import { useReportError } from '../../admin-kit/use-report-error';
import { UNIT_TREE_KEY, useCreateUnit, useUpdateUnit } from '../api';
import type { UnitTreeItem } from '../unit-tree';

type Values = {
  name: string;
  shortName?: string;
  code: string;
  type: string;
  sortOrder?: number;
  establishedOn?: Dayjs | null;
};

const FIELDS = ['name', 'shortName', 'code', 'type', 'sortOrder', 'establishedOn'] as const;
/** Mirrors the unit code rule of ZOrgUnitCreate, so the user learns it before saving. */
const CODE_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

type Props =
  | { mode: 'create'; parent: UnitTreeItem; types: TUnitType[]; onClose: (createdId?: number) => void }
  | { mode: 'edit'; unit: UnitTreeItem; types: TUnitType[]; onClose: () => void };

/** Adds a unit under a parent, or edits one (sent with its version). */
export function UnitFormModal(props: Props) {
  const { t } = useTranslation(['units', 'admin-kit']);
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const reportError = useReportError([UNIT_TREE_KEY]);
  const editing = props.mode === 'edit' ? props.unit : undefined;

  const onError = (error: unknown) => {
    if (isStaleVersion(error)) {
      reportError(error);
      props.onClose();
      return;
    }
    if (!showFieldProblems(form, error, FIELDS, { code: t('form.codeTaken') })) reportError(error);
  };

  const onFinish = (v: Values) => {
    const body = {
      name: v.name.trim(),
      shortName: v.shortName?.trim() || null,
      code: v.code.trim(),
      type: v.type,
      sortOrder: v.sortOrder ?? 0,
      establishedOn: fromDayjs(v.establishedOn),
    };
    if (props.mode === 'edit') {
      update.mutate(
        { id: props.unit.id, version: props.unit.version, ...body },
        {
          onSuccess: (u) => {
            void message.success(t('form.saved', { name: u.name }));
            props.onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { parentId: props.parent.id, ...body },
        {
          onSuccess: (u) => {
            void message.success(t('form.created', { name: u.name }));
            props.onClose(u.id);
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open
      title={
        props.mode === 'edit' ? t('form.editTitle') : t('form.createTitle', { parent: props.parent.name })
      }
      okText={t('admin-kit:actions.save')}
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={() => props.onClose()}
      destroyOnHidden
    >
      <Form<Values>
        name="unit"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          editing
            ? {
                name: editing.name,
                shortName: editing.shortName ?? undefined,
                code: editing.code,
                type: editing.type,
                sortOrder: editing.sortOrder,
                establishedOn: toDayjs(editing.establishedOn),
              }
            : { sortOrder: 0 }
        }
      >
        <Form.Item
          name="name"
          label={t('form.name')}
          rules={[{ required: true, whitespace: true, max: 100, message: t('form.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('form.shortName')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('form.code')}
          extra={t('form.codeHint')}
          rules={[
            { required: true, whitespace: true, message: t('form.codeRequired') },
            { pattern: CODE_PATTERN, message: t('form.codeFormat') },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="type"
          label={t('form.type')}
          rules={[{ required: true, message: t('form.typeRequired') }]}
        >
          <Select
            options={props.types.map((ty) => ({ value: ty.code, label: labels.typeName(ty, ty.code) }))}
          />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('form.sortOrder')} extra={t('form.sortOrderHint')}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="establishedOn" label={t('form.establishedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
