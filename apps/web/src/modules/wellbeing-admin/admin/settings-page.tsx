import { PlusOutlined } from '@ant-design/icons';
import type { THelpContact, TWellbeingSettings, TWellbeingSettingsInput } from '@lifeline/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { formatPath, type Issue, issuesOf } from '../../../api/issues';
import { NotFoundPage } from '../../../app/pages/not-found-page';
import { errorMessage } from '../../../i18n/error-message';
import { formatTimestamp } from '../../admin-kit/dates';
import { RemoveButton } from '../../admin-kit/form-cells';
import { useLabels } from '../../admin-kit/labels';
import { PageHeader } from '../../admin-kit/page-header';
import { useSettingsSave, VersionedSettings } from '../../admin-kit/versioned-settings';
import { SETTINGS_KEY, useSaveWellbeingSettings, useWellbeingSettings } from '../api';
import './wellbeing.css';

const MAX_CONTACTS = 20;
const MIN_DAYS = 30;
const MAX_DAYS = 3650;

type ContactRow = { name?: string; phone?: string; hours?: string };
type Values = {
  openToEveryone: boolean;
  retentionDays: number | null;
  zungRounding: TWellbeingSettings['zungRounding'];
  messageZh: string;
  messageEn: string;
  contacts: ContactRow[];
};

function toValues(s: TWellbeingSettings): Values {
  return {
    openToEveryone: s.openToEveryone,
    retentionDays: s.retentionDays,
    zungRounding: s.zungRounding,
    messageZh: s.help.message.zh,
    messageEn: s.help.message.en,
    contacts: s.help.contacts.map((c) => ({ ...c })),
  };
}

function toInput(v: Values, version: number): TWellbeingSettingsInput {
  return {
    openToEveryone: v.openToEveryone,
    retentionDays: v.retentionDays as number,
    zungRounding: v.zungRounding,
    help: {
      message: { zh: (v.messageZh ?? '').trim(), en: (v.messageEn ?? '').trim() },
      contacts: (v.contacts ?? []).map(
        (c): THelpContact => ({
          name: (c.name ?? '').trim(),
          phone: (c.phone ?? '').trim(),
          hours: (c.hours ?? '').trim(),
        }),
      ),
    },
    version,
  };
}

/** `/wellbeing/settings`: one page; anything below it is unknown. */
export function WellbeingSettingsPage() {
  return (
    <Routes>
      <Route index element={<SettingsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function SettingsPage() {
  const { t } = useTranslation(['wellbeing-admin', 'admin-kit']);
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <VersionedSettings
        query={useWellbeingSettings()}
        queryKey={SETTINGS_KEY}
        staleTitle={t('admin-kit:stale')}
        staleTestId="wellbeing-stale"
        retryLabel={t('settings.retry')}
      >
        {(settings, events) => <SettingsForm settings={settings} {...events} />}
      </VersionedSettings>
    </>
  );
}

/** A server issue's path (`body.help.contacts.0.name` or an array) as a form field name. */
function fieldName(issue: Issue): (string | number)[] | null {
  const path = issue.path[0] === 'body' ? issue.path.slice(1) : issue.path;
  const [first, second, third, fourth] = path;
  if (first === 'openToEveryone' || first === 'retentionDays' || first === 'zungRounding') return [first];
  if (first !== 'help') return null;
  if (second === 'message' && third === 'zh') return ['messageZh'];
  if (second === 'message' && third === 'en') return ['messageEn'];
  if (second === 'contacts' && typeof third === 'number' && typeof fourth === 'string')
    return ['contacts', third, fourth];
  if (second === 'contacts') return ['contacts'];
  return null;
}

/** Puts the server's problems on their fields; returns the ones no field shows. */
function showProblems(form: FormInstance<Values>, error: unknown): Issue[] {
  const rest: Issue[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const issue of issuesOf(error)) {
    const name = fieldName(issue);
    // A list's own problem (too many contacts) has no single field: it is listed instead.
    if (name && name.length !== 1 && name[0] === 'contacts') fields.push({ name, errors: [issue.message] });
    else if (name && name[0] !== 'contacts') fields.push({ name, errors: [issue.message] });
    else rest.push(issue);
  }
  form.setFields(fields as Parameters<FormInstance<Values>['setFields']>[0]);
  return rest;
}

function SettingsForm({
  settings,
  onStale,
  onSaved,
}: {
  settings: TWellbeingSettings;
  onStale: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation(['wellbeing-admin', 'admin-kit', 'errors']);
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveWellbeingSettings();
  const [problems, setProblems] = useState<Issue[]>([]);
  const open = Form.useWatch('openToEveryone', form) as boolean | undefined;

  const submit = useSettingsSave(save, { onStale, onSaved }, (error) => {
    const rest = showProblems(form, error);
    if (rest.length) setProblems(rest);
    else if (issuesOf(error).length === 0) void message.error(errorMessage(t, error));
  });
  const onFinish = (v: Values) => {
    setProblems([]);
    submit(toInput(v, settings.version));
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={toValues(settings)}
      onFinish={onFinish}
      scrollToFirstError
      name="wellbeing-settings"
    >
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('settings.problems')}
          description={
            <ul className="ll-wb-issues">
              {problems.map((p) => (
                <li key={`${p.path.join('.')}:${p.message}`}>
                  {p.path.length > 0 && <code>{formatPath(p.path)}</code>}
                  {p.message}
                </li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Card title={t('settings.sections.access')} style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          <Col xs={24} lg={14}>
            <Form.Item
              name="openToEveryone"
              label={t('settings.openToEveryone')}
              valuePropName="checked"
              extra={open ? t('settings.openOn') : t('settings.openOff')}
            >
              <Switch
                checkedChildren={t('admin-kit:yes')}
                unCheckedChildren={t('admin-kit:no')}
                data-testid="wellbeing-open"
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={10}>
            <Form.Item
              name="retentionDays"
              label={t('settings.retentionDays')}
              extra={t('settings.retentionHint', { min: MIN_DAYS, max: MAX_DAYS })}
              rules={[
                {
                  required: true,
                  type: 'number',
                  min: MIN_DAYS,
                  max: MAX_DAYS,
                  message: t('settings.retentionRange', { min: MIN_DAYS, max: MAX_DAYS }),
                },
              ]}
            >
              <InputNumber<number>
                min={MIN_DAYS}
                max={MAX_DAYS}
                precision={0}
                suffix={t('settings.days')}
                style={{ width: 200, maxWidth: '100%' }}
                data-testid="wellbeing-retention"
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="zungRounding"
              label={t('settings.zungRounding')}
              extra={t('settings.zungRoundingHint')}
            >
              <Radio.Group
                options={[
                  { value: 'floor', label: t('settings.zung.floor') },
                  { value: 'round', label: t('settings.zung.round') },
                ]}
                data-testid="wellbeing-zung"
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('settings.sections.help')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('settings.helpHint')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item
              name="messageZh"
              label={t('settings.messageZh')}
              rules={[{ max: 1000, message: t('settings.messageTooLong', { max: 1000 }) }]}
            >
              <Input.TextArea rows={4} maxLength={1000} showCount data-testid="wellbeing-message-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name="messageEn"
              label={t('settings.messageEn')}
              rules={[{ max: 1000, message: t('settings.messageTooLong', { max: 1000 }) }]}
            >
              <Input.TextArea rows={4} maxLength={1000} showCount data-testid="wellbeing-message-en" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('settings.contacts')}</Typography.Title>
        <Form.List
          name="contacts"
          rules={[
            {
              validator: (_, rows: ContactRow[] | undefined) =>
                (rows?.length ?? 0) > MAX_CONTACTS
                  ? Promise.reject(new Error(t('settings.tooManyContacts', { max: MAX_CONTACTS })))
                  : Promise.resolve(),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <div data-testid="wellbeing-contacts">
              {fields.length === 0 && (
                <Typography.Paragraph type="secondary">{t('settings.noContacts')}</Typography.Paragraph>
              )}
              {fields.map((field, i) => (
                <Row gutter={12} key={field.key} align="top" data-testid="wellbeing-contact-row">
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('settings.contactName')}
                      rules={[
                        { required: true, whitespace: true, message: t('settings.contactNameRequired') },
                        { max: 60, message: t('settings.tooLong', { max: 60 }) },
                      ]}
                    >
                      <Input maxLength={60} aria-label={t('settings.contactNameN', { n: i + 1 })} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={7}>
                    <Form.Item
                      name={[field.name, 'phone']}
                      label={t('settings.contactPhone')}
                      rules={[
                        { required: true, whitespace: true, message: t('settings.contactPhoneRequired') },
                        {
                          validator: (_, v: string | undefined) => {
                            const n = (v ?? '').trim().length;
                            return n === 0 || (n >= 3 && n <= 40)
                              ? Promise.resolve()
                              : Promise.reject(new Error(t('settings.phoneLength', { min: 3, max: 40 })));
                          },
                        },
                      ]}
                    >
                      <Input maxLength={40} aria-label={t('settings.contactPhoneN', { n: i + 1 })} />
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={7}>
                    <Form.Item
                      name={[field.name, 'hours']}
                      label={t('settings.contactHours')}
                      rules={[{ max: 60, message: t('settings.tooLong', { max: 60 }) }]}
                    >
                      <Input
                        maxLength={60}
                        placeholder={t('settings.hoursPlaceholder')}
                        aria-label={t('settings.contactHoursN', { n: i + 1 })}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={2} md={2}>
                    <RemoveButton
                      label={t('settings.removeContact', { n: i + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  </Col>
                </Row>
              ))}
              <Form.ErrorList errors={errors} />
              <Flex gap="small" align="center" wrap>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '', phone: '', hours: '' })}
                  disabled={fields.length >= MAX_CONTACTS}
                  data-testid="wellbeing-add-contact"
                >
                  {t('settings.addContact')}
                </Button>
                <Typography.Text type="secondary">
                  {t('settings.contactCount', { count: fields.length, max: MAX_CONTACTS })}
                </Typography.Text>
              </Flex>
            </div>
          )}
        </Form.List>
      </Card>

      <Card>
        <Flex gap="middle" wrap align="center">
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="wellbeing-save">
            {t('admin-kit:actions.save')}
          </Button>
          <Button onClick={() => form.resetFields()}>{t('settings.undo')}</Button>
          {settings.updatedAt && (
            <Typography.Text type="secondary">
              {t('settings.updatedAt', { at: formatTimestamp(settings.updatedAt, labels.lang) })}
            </Typography.Text>
          )}
        </Flex>
      </Card>
    </Form>
  );
}
