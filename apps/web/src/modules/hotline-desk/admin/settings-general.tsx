import type { THotlineSettings, THotlineSettingsInput } from '@lifeline/shared';
import { Alert, App, Button, Card, Col, Form, type FormInstance, Input, Row, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { issuesOf } from '../../../api/issues';
import { errorMessage } from '../../../i18n/error-message';
import { fieldProblems } from '../../admin-kit/api-problems';
import { NumberCell } from '../../admin-kit/form-cells';
import { useSettingsSave, VersionedSettings } from '../../admin-kit/versioned-settings';
import { UnitTreeSelect } from '../../units/components/unit-tree-select';
import { SETTINGS_KEY, useHotlineSettings, useSaveHotlineSettings } from '../api';
import { CategoryList, type CategoryRow } from './settings-categories';

export type Values = {
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

/** The general settings: routing defaults, categories, e-mail server. */
export function GeneralTab() {
  const { t } = useTranslation('hotline-desk');
  return (
    <VersionedSettings
      query={useHotlineSettings()}
      queryKey={SETTINGS_KEY}
      staleTitle={t('problems.stale')}
      staleTestId="hotline-settings-stale"
      retryLabel={t('settings.retry')}
    >
      {(settings, events) => <SettingsForm settings={settings} {...events} />}
    </VersionedSettings>
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
  const issues = issuesOf(error);
  const rest: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const i of issues) {
    const path = i.path.join('.');
    const name = fieldOf(path);
    if (name) fields.push({ name, errors: [i.message] });
    else rest.push(`${path.replace(/^body\.?/, '')} ${i.message}`.trim());
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

  const submit = useSettingsSave(save, { onStale, onSaved }, (error) => {
    const rest = showIssues(form, error);
    if (rest.length) setProblems(rest);
    else if (!(error instanceof ApiError && error.code === 'validation_failed'))
      void message.error(errorMessage(t, error));
  });
  const onFinish = (v: Values) => {
    setProblems([]);
    submit(toInput(v, settings.version));
  };

  const range = (min: number, max: number) =>
    ({ required: true, type: 'integer', min, max, message: t('settings.range', { min, max }) }) as const;
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
          <NumberCell
            xs={12}
            md={6}
            name="immediateHours"
            label={t('settings.immediateHours')}
            extra={t('settings.immediateHoursHint')}
            rules={[range(1, 24)]}
            input={{ min: 1, max: 24, precision: 0 }}
            testId="immediate-hours"
          />
          <NumberCell
            xs={12}
            md={6}
            name="reminderDays"
            label={t('settings.reminderDays')}
            extra={t('settings.reminderDaysHint')}
            rules={[range(0, 5)]}
            input={{ min: 0, max: 5, precision: 0 }}
            testId="reminder-days"
          />
        </Row>
      </Card>
      <Card title={t('settings.sections.categories')} className="ll-hl-gap">
        <Typography.Paragraph type="secondary">{t('settings.categoriesHint')}</Typography.Paragraph>
        <CategoryList form={form} codeRules={codeRules} range={range} />
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
            <NumberCell
              xs={12}
              md={6}
              name="port"
              label={t('settings.smtp.port')}
              rules={[range(1, 65535)]}
              input={{ min: 1, max: 65535, precision: 0 }}
            />
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
