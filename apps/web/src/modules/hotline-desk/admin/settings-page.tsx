import { DeleteOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { THotlineSettings, THotlineSettingsInput, TRoutingRule, TUnitChannels } from '@lifeline/shared';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Popconfirm,
  Result,
  Row,
  Select,
  Spin,
  Switch,
  Table,
  type TableColumnsType,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ApiError } from '../../../api/api-error';
import { NotFoundPage } from '../../../app/pages/not-found-page';
import { errorMessage } from '../../../i18n/error-message';
import { fieldProblems } from '../../admin-kit/api-problems';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam, useUrlFilters } from '../../admin-kit/url-filters';
import { UnitTreeSelect } from '../../units/components/unit-tree-select';
import {
  channelsKey,
  SETTINGS_KEY,
  useAddRoutingRule,
  useHotlineSettings,
  useRemoveRoutingRule,
  useRoutingRules,
  useSaveHotlineSettings,
  useSaveUnitChannels,
  useUnitChannels,
} from '../api';
import { PersonSelect } from '../components/person-select';
import { useHotlineLabels } from '../labels';
import { hotlineProblem } from '../problems';
import '../../admin-kit/admin-kit.css';
import './hotline.css';

/** `/hotline/settings`: one page with three tabs; anything below it is unknown. */
export function HotlineSettingsPage() {
  return (
    <Routes>
      <Route index element={<SettingsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

const TABS = ['general', 'routing', 'channels'] as const;

function SettingsPage() {
  const { t } = useTranslation(['hotline-desk', 'admin-kit', 'errors']);
  const [url, setUrl] = useUrlFilters(['tab', 'unit'] as const);
  const tab = TABS.find((x) => x === url.tab) ?? 'general';
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setUrl({ tab: k === 'general' ? undefined : k })}
        destroyOnHidden
        items={[
          { key: 'general', label: t('settings.tabs.general'), children: <GeneralTab /> },
          { key: 'routing', label: t('settings.tabs.routing'), children: <RoutingTab /> },
          {
            key: 'channels',
            label: t('settings.tabs.channels'),
            children: <ChannelsTab unitId={idParam(url.unit)} onUnit={(v) => setUrl({ unit: v, tab })} />,
          },
        ]}
      />
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// General settings: categories, office, hours, reminders, e-mail server.

type CategoryRow = {
  code?: string;
  zh?: string;
  en?: string;
  answerDays?: number | null;
  active?: boolean;
  saved?: boolean;
};
type Values = {
  categories: CategoryRow[];
  officeUnitId: number | null;
  immediateHours: number | null;
  reminderDays: number | null;
  smtpOn: boolean;
  host: string;
  port: number | null;
  secure: boolean;
  user: string;
  from: string;
  password: string;
};

function toValues(s: THotlineSettings): Values {
  return {
    categories: s.categories.map((c) => ({ ...c, saved: true })),
    officeUnitId: s.officeUnitId,
    immediateHours: s.immediateHours,
    reminderDays: s.reminderDays,
    smtpOn: s.smtp !== null,
    host: s.smtp?.host ?? '',
    port: s.smtp?.port ?? 465,
    secure: s.smtp?.secure ?? true,
    user: s.smtp?.user ?? '',
    from: s.smtp?.from ?? '',
    password: '',
  };
}

function toInput(v: Values, version: number): THotlineSettingsInput {
  return {
    categories: (v.categories ?? []).map((c) => ({
      code: (c.code ?? '').trim(),
      zh: (c.zh ?? '').trim(),
      en: (c.en ?? '').trim(),
      answerDays: c.answerDays as number,
      active: c.active ?? true,
    })),
    officeUnitId: v.officeUnitId ?? null,
    immediateHours: v.immediateHours as number,
    reminderDays: v.reminderDays as number,
    smtp: v.smtpOn
      ? {
          host: v.host.trim(),
          port: v.port as number,
          secure: v.secure,
          user: (v.user ?? '').trim(),
          from: v.from.trim(),
          // Empty keeps the stored password.
          ...(v.password ? { password: v.password } : {}),
        }
      : null,
    version,
  };
}

function GeneralTab() {
  const { t } = useTranslation(['hotline-desk', 'admin-kit', 'errors']);
  const settings = useHotlineSettings();
  const client = useQueryClient();
  const [stale, setStale] = useState(false);
  const onStale = () => {
    // Someone else saved first: their settings are loaded, and the form remounts with them.
    setStale(true);
    void client.invalidateQueries({ queryKey: SETTINGS_KEY });
  };
  return (
    <>
      {stale && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setStale(false) }}
          title={t('problems.stale')}
          className="ll-hl-gap"
          data-testid="hotline-settings-stale"
        />
      )}
      {settings.isPending && (
        <Flex justify="center">
          <Spin />
        </Flex>
      )}
      {settings.isError && (
        <Result
          status="error"
          title={errorMessage(t, settings.error)}
          extra={
            <Button icon={<ReloadOutlined />} onClick={() => void settings.refetch()}>
              {t('settings.retry')}
            </Button>
          }
        />
      )}
      {settings.data && (
        <SettingsForm
          key={settings.data.version}
          settings={settings.data}
          onStale={onStale}
          onSaved={() => setStale(false)}
        />
      )}
    </>
  );
}

/** A server issue path (`body.categories.2.code`, `body.smtp.from`) as a form field name. */
function fieldOf(path: string): (string | number)[] | null {
  const parts = path.replace(/^body\./, '').split('.');
  const [first, second, third] = parts;
  if (first === 'categories' && second !== undefined && third) return ['categories', Number(second), third];
  if (first === 'smtp' && second) return [second];
  if (['officeUnitId', 'immediateHours', 'reminderDays'].includes(first)) return [first];
  return null;
}

function showIssues(form: FormInstance<Values>, error: unknown): string[] {
  const issues =
    error instanceof ApiError && Array.isArray((error.details as { issues?: unknown })?.issues)
      ? ((error.details as { issues: { path?: unknown; message?: unknown }[] }).issues ?? [])
      : [];
  const rest: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const i of issues) {
    const path = Array.isArray(i.path) ? i.path.join('.') : String(i.path ?? '');
    const name = fieldOf(path);
    if (name) fields.push({ name, errors: [String(i.message)] });
    else rest.push(`${path.replace(/^body\.?/, '')} ${String(i.message)}`.trim());
  }
  if (fields.length) form.setFields(fields as Parameters<FormInstance<Values>['setFields']>[0]);
  if (!issues.length) for (const p of fieldProblems(error)) rest.push(`${p.field}: ${p.message}`);
  return rest;
}

function SettingsForm({
  settings,
  onStale,
  onSaved,
}: {
  settings: THotlineSettings;
  onStale: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation(['hotline-desk', 'admin-kit', 'errors']);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveHotlineSettings();
  const [problems, setProblems] = useState<string[]>([]);
  const smtpOn = Form.useWatch('smtpOn', form) as boolean | undefined;

  const onFinish = (v: Values) => {
    setProblems([]);
    save.mutate(toInput(v, settings.version), {
      onSuccess: () => {
        onSaved();
        void message.success(t('admin-kit:saved'));
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'conflict') {
          onStale();
          return;
        }
        const rest = showIssues(form, error);
        if (rest.length) setProblems(rest);
        else if (!(error instanceof ApiError && error.code === 'validation_failed'))
          void message.error(errorMessage(t, error));
      },
    });
  };

  const codeRules = [
    { required: true, message: t('form.required') },
    { pattern: /^[a-z][a-z0-9_]{0,31}$/, message: t('settings.codeRule') },
  ];

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={toValues(settings)}
      onFinish={onFinish}
      scrollToFirstError
      name="hotline-settings"
    >
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="ll-hl-gap"
          title={t('settings.problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      <Card title={t('settings.sections.routing')} className="ll-hl-gap">
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item
              name="officeUnitId"
              label={t('settings.officeUnit')}
              extra={t('settings.officeUnitHint')}
            >
              <UnitTreeSelect placeholder={t('settings.officeUnit')} aria-label={t('settings.officeUnit')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="immediateHours"
              label={t('settings.immediateHours')}
              extra={t('settings.immediateHoursHint')}
              rules={[
                {
                  required: true,
                  type: 'integer',
                  min: 1,
                  max: 24,
                  message: t('settings.range', { min: 1, max: 24 }),
                },
              ]}
            >
              <InputNumber
                min={1}
                max={24}
                precision={0}
                style={{ width: '100%' }}
                data-testid="immediate-hours"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="reminderDays"
              label={t('settings.reminderDays')}
              extra={t('settings.reminderDaysHint')}
              rules={[
                {
                  required: true,
                  type: 'integer',
                  min: 0,
                  max: 5,
                  message: t('settings.range', { min: 0, max: 5 }),
                },
              ]}
            >
              <InputNumber
                min={0}
                max={5}
                precision={0}
                style={{ width: '100%' }}
                data-testid="reminder-days"
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t('settings.sections.categories')} className="ll-hl-gap">
        <Typography.Paragraph type="secondary">{t('settings.categoriesHint')}</Typography.Paragraph>
        <Form.List name="categories">
          {(fields, { add, remove }) => (
            <div data-testid="hotline-categories">
              <Row gutter={8} className="ll-hl-small" style={{ fontWeight: 600, marginBottom: 4 }}>
                <Col xs={0} md={4}>
                  {t('settings.category.code')}
                </Col>
                <Col xs={0} md={5}>
                  {t('settings.category.zh')}
                </Col>
                <Col xs={0} md={6}>
                  {t('settings.category.en')}
                </Col>
                <Col xs={0} md={4}>
                  {t('settings.category.answerDays')}
                </Col>
                <Col xs={0} md={3}>
                  {t('settings.category.active')}
                </Col>
              </Row>
              {fields.map((f) => {
                const saved = form.getFieldValue(['categories', f.name, 'saved']) as boolean | undefined;
                const n = f.name + 1;
                return (
                  <Row key={f.key} gutter={8} align="top" data-testid="category-row">
                    <Col xs={12} md={4}>
                      <Form.Item name={[f.name, 'code']} rules={codeRules}>
                        <Input
                          disabled={saved}
                          aria-label={t('settings.category.codeOf', { n })}
                          placeholder={t('settings.category.code')}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item
                        name={[f.name, 'zh']}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            max: 20,
                            message: t('settings.category.zhRule'),
                          },
                        ]}
                      >
                        <Input
                          aria-label={t('settings.category.zhOf', { n })}
                          placeholder={t('settings.category.zh')}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={[f.name, 'en']}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            max: 40,
                            message: t('settings.category.enRule'),
                          },
                        ]}
                      >
                        <Input
                          aria-label={t('settings.category.enOf', { n })}
                          placeholder={t('settings.category.en')}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={4}>
                      <Form.Item
                        name={[f.name, 'answerDays']}
                        rules={[
                          {
                            required: true,
                            type: 'integer',
                            min: 1,
                            max: 60,
                            message: t('settings.range', { min: 1, max: 60 }),
                          },
                        ]}
                      >
                        <InputNumber
                          min={1}
                          max={60}
                          precision={0}
                          style={{ width: '100%' }}
                          aria-label={t('settings.category.answerDaysOf', { n })}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={3}>
                      <Form.Item name={[f.name, 'active']} valuePropName="checked">
                        <Switch aria-label={t('settings.category.activeOf', { n })} />
                      </Form.Item>
                    </Col>
                    <Col xs={2} md={2}>
                      {!saved && (
                        <Button
                          type="text"
                          icon={<DeleteOutlined />}
                          onClick={() => remove(f.name)}
                          aria-label={t('settings.category.remove', { n })}
                        />
                      )}
                    </Col>
                  </Row>
                );
              })}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ code: '', zh: '', en: '', answerDays: 5, active: true, saved: false })}
                disabled={fields.length >= 40}
                data-testid="add-category"
              >
                {t('settings.category.add')}
              </Button>
            </div>
          )}
        </Form.List>
      </Card>
      <Card title={t('settings.sections.smtp')} className="ll-hl-gap">
        <Form.Item
          name="smtpOn"
          label={t('settings.smtp.on')}
          valuePropName="checked"
          extra={t('settings.smtp.hint')}
        >
          <Switch
            checkedChildren={t('admin-kit:yes')}
            unCheckedChildren={t('admin-kit:no')}
            data-testid="smtp-on"
          />
        </Form.Item>
        {smtpOn && (
          <Row gutter={24}>
            <Col xs={24} md={10}>
              <Form.Item
                name="host"
                label={t('settings.smtp.host')}
                rules={[{ required: true, whitespace: true, message: t('form.required') }]}
              >
                <Input placeholder="smtp.example.com" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="port"
                label={t('settings.smtp.port')}
                rules={[
                  {
                    required: true,
                    type: 'integer',
                    min: 1,
                    max: 65535,
                    message: t('settings.range', { min: 1, max: 65535 }),
                  },
                ]}
              >
                <InputNumber min={1} max={65535} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="secure" label={t('settings.smtp.secure')} valuePropName="checked">
                <Switch checkedChildren={t('admin-kit:yes')} unCheckedChildren={t('admin-kit:no')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="user" label={t('settings.smtp.user')}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="from"
                label={t('settings.smtp.from')}
                rules={[{ required: true, type: 'email', message: t('settings.smtp.fromRule') }]}
              >
                <Input placeholder="hotline@example.com" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="password"
                label={t('settings.smtp.password')}
                extra={
                  settings.smtp?.passwordSet
                    ? t('settings.smtp.passwordKept')
                    : t('settings.smtp.passwordNone')
                }
              >
                <Input.Password autoComplete="new-password" data-testid="smtp-password" />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Card>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="hotline-settings-save">
        {t('admin-kit:actions.save')}
      </Button>
    </Form>
  );
}

// ---------------------------------------------------------------------------------------------
// Routing rules.

type RuleValues = { category?: string; unitId?: number; handlingUnitId?: number };
const ANY = '__any__';

function RoutingTab() {
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

// ---------------------------------------------------------------------------------------------
// A unit's channels: the safety contact and the outgoing e-mail and robot webhooks.

function ChannelsTab({
  unitId,
  onUnit,
}: {
  unitId: number | undefined;
  onUnit: (v: number | undefined) => void;
}) {
  const { t } = useTranslation(['hotline-desk', 'admin-kit', 'errors']);
  const channels = useUnitChannels(unitId);
  return (
    <Flex vertical gap="middle">
      <Alert type="info" showIcon title={t('channels.hint')} />
      <Card size="small">
        <Flex gap="small" align="center" wrap>
          <span>{t('channels.unit')}</span>
          <UnitTreeSelect
            value={unitId}
            onChange={onUnit}
            style={{ width: 320, maxWidth: '100%' }}
            aria-label={t('channels.unit')}
          />
        </Flex>
      </Card>
      {unitId === undefined && (
        <Card>
          <Empty description={t('channels.pickUnit')} />
        </Card>
      )}
      {unitId !== undefined && channels.isPending && (
        <Flex justify="center">
          <Spin />
        </Flex>
      )}
      {channels.isError && <Alert type="error" showIcon title={errorMessage(t, channels.error)} />}
      {unitId !== undefined && channels.data && (
        <ChannelsForm key={`${unitId}:${channels.data.version}`} unitId={unitId} channels={channels.data} />
      )}
    </Flex>
  );
}

type ChannelValues = {
  safetyContactPersonId: number | null;
  email: string;
  wecomWebhook: string;
  dingtalkWebhook: string;
};

function ChannelsForm({ unitId, channels }: { unitId: number; channels: TUnitChannels }) {
  const { t } = useTranslation(['hotline-desk', 'admin-kit', 'errors']);
  const { message } = App.useApp();
  const client = useQueryClient();
  const save = useSaveUnitChannels(unitId);
  const [form] = Form.useForm<ChannelValues>();
  const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);
  const onFinish = (v: ChannelValues) =>
    save.mutate(
      {
        safetyContactPersonId: v.safetyContactPersonId ?? null,
        email: blank(v.email),
        wecomWebhook: blank(v.wecomWebhook),
        dingtalkWebhook: blank(v.dingtalkWebhook),
        version: channels.version,
      },
      {
        onSuccess: () => void message.success(t('admin-kit:saved')),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'conflict') {
            void message.warning(t('problems.stale'));
            void client.invalidateQueries({ queryKey: channelsKey(unitId) });
            return;
          }
          const problems = fieldProblems(error).filter((p) =>
            ['safetyContactPersonId', 'email', 'wecomWebhook', 'dingtalkWebhook'].includes(p.field),
          );
          if (problems.length)
            form.setFields(
              problems.map((p) => ({ name: p.field as keyof ChannelValues, errors: [p.message] })),
            );
          else void message.error(hotlineProblem(t, error));
        },
      },
    );
  return (
    <Card title={t('channels.title')}>
      <Form<ChannelValues>
        form={form}
        layout="vertical"
        name="hotline-channels"
        onFinish={onFinish}
        initialValues={{
          safetyContactPersonId: channels.safetyContactPersonId,
          email: channels.email ?? '',
          wecomWebhook: channels.wecomWebhook ?? '',
          dingtalkWebhook: channels.dingtalkWebhook ?? '',
        }}
      >
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item
              name="safetyContactPersonId"
              label={t('channels.safetyContact')}
              extra={t('channels.safetyContactHint')}
            >
              <PersonSelect knownName={channels.safetyContactName} aria-label={t('channels.safetyContact')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="email"
              label={t('channels.email')}
              rules={[{ type: 'email', message: t('channels.emailRule') }]}
            >
              <Input placeholder="safety@example.com" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="wecomWebhook"
              label={t('channels.wecom')}
              rules={[
                {
                  validator: (_, v: string) =>
                    !v?.trim() || v.trim().startsWith('https://qyapi.weixin.qq.com/')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('channels.wecomRule'))),
                },
              ]}
            >
              <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="dingtalkWebhook"
              label={t('channels.dingtalk')}
              rules={[
                {
                  validator: (_, v: string) =>
                    !v?.trim() || v.trim().startsWith('https://oapi.dingtalk.com/')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('channels.dingtalkRule'))),
                },
              ]}
            >
              <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="channels-save">
          {t('admin-kit:actions.save')}
        </Button>
      </Form>
    </Card>
  );
}
