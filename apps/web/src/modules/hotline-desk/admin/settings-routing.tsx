import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TRoutingRule } from '@lifeline/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Popconfirm,
  Row,
  Select,
  Table,
  type TableColumnsType,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../i18n/error-message';
import { UnitTreeSelect } from '../../units/components/unit-tree-select';
import { useAddRoutingRule, useRemoveRoutingRule, useRoutingRules } from '../api';
import { useHotlineLabels } from '../labels';
import { hotlineProblem } from '../problems';

/** The hotline settings' routing rules: which unit handles the items of a unit (and category). */
type RuleValues = { category?: string; unitId?: number; handlingUnitId?: number };
const ANY = '__any__';

export function RoutingTab() {
  const { t } = useTranslation(['hotline-desk', 'admin-kit', 'errors']);
  const labels = useHotlineLabels();
  const { message } = App.useApp();
  const rules = useRoutingRules();
  const add = useAddRoutingRule();
  const remove = useRemoveRoutingRule();
  const [form] = Form.useForm<RuleValues>();

  const onAdd = (v: RuleValues) =>
    add.mutate(
      {
        category: !v.category || v.category === ANY ? null : v.category,
        unitId: v.unitId as number,
        handlingUnitId: v.handlingUnitId as number,
      },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('routing.added'));
        },
        onError: (e) => void message.error(hotlineProblem(t, e)),
      },
    );

  const columns: TableColumnsType<TRoutingRule> = [
    {
      key: 'category',
      title: t('fields.category'),
      render: (_, r) => (r.category ? labels.category(r.category) : <em>{t('routing.any')}</em>),
    },
    { key: 'unit', title: t('routing.unit'), render: (_, r) => r.unit.name },
    { key: 'handling', title: t('routing.handlingUnit'), render: (_, r) => r.handlingUnit.name },
    {
      key: 'remove',
      title: '',
      width: 60,
      render: (_, r) => (
        <Popconfirm
          title={t('routing.removeConfirm')}
          okText={t('routing.remove')}
          cancelText={t('admin-kit:actions.cancel')}
          onConfirm={() =>
            remove.mutateAsync(r.id).then(
              () => void message.success(t('routing.removed')),
              (e: unknown) => void message.error(hotlineProblem(t, e)),
            )
          }
        >
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('routing.remove')} />
        </Popconfirm>
      ),
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Alert type="info" showIcon title={t('routing.hint')} />
      <Card size="small" title={t('routing.add')}>
        <Form form={form} layout="vertical" onFinish={onAdd} name="hotline-rule">
          <Row gutter={16} align="bottom">
            <Col xs={24} md={6}>
              <Form.Item name="category" label={t('fields.category')} initialValue={ANY}>
                <Select
                  options={[{ value: ANY, label: t('routing.any') }, ...labels.categoryOptions()]}
                  aria-label={t('fields.category')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={7}>
              <Form.Item
                name="unitId"
                label={t('routing.unit')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <UnitTreeSelect aria-label={t('routing.unit')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={7}>
              <Form.Item
                name="handlingUnitId"
                label={t('routing.handlingUnit')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <UnitTreeSelect aria-label={t('routing.handlingUnit')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={4}>
              <Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<PlusOutlined />}
                  loading={add.isPending}
                  block
                >
                  {t('routing.addButton')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {rules.isError && <Alert type="error" showIcon title={errorMessage(t, rules.error)} />}
      <Table<TRoutingRule>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rules.data ?? []}
        loading={rules.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="hotline-rules"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('routing.empty')} />,
        }}
      />
    </Flex>
  );
}
