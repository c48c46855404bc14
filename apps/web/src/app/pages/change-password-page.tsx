import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { personalWords, useChangePassword, useMe } from '../../api/me';
import { safeNext } from '../../api/safe-next';
import { changePasswordErrors, newPasswordProblems } from '../../auth/password-policy';
import { isMobilePath } from '../../boot/app-kind';
import { PasswordChecklist } from './password-checklist';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** Changing one's own password, checked here with the same policy the server applies. */
export function ChangePasswordPage() {
  const { t, i18n } = useTranslation('auth');
  const me = useMe().data;
  const change = useChangePassword();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  if (!me) return null;
  const personal = personalWords(me);
  const forced = me.account.mustChangePassword;
  const changedAt = me.account.passwordChangedAt;

  const onFinish = ({ currentPassword, newPassword }: Values) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.success'));
          const next = safeNext(params.get('next'), '/');
          if (isMobilePath(next)) window.location.assign(next);
          else navigate(next === '/profile/password' ? '/' : next, { replace: true });
        },
      },
    );
  };

  return (
    <Flex justify="center">
      <Card title={t('password.title')} style={{ width: 560, maxWidth: '100%' }}>
        {forced && (
          <Alert type="warning" showIcon title={t('password.forcedNotice')} style={{ marginBottom: 16 }} />
        )}
        {change.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={changePasswordErrors(t, change.error).join(' ')}
          />
        )}
        <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={me.account.login}
            readOnly
            hidden
          />
          <Form.Item
            name="currentPassword"
            label={t('password.currentLabel')}
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.newLabel')}
            rules={[
              { required: true, message: t('password.newRequired') },
              {
                validator: (_, value: string | undefined) => {
                  const problems = value ? newPasswordProblems(t, value, personal) : [];
                  return problems.length ? Promise.reject(new Error(problems[0])) : Promise.resolve();
                },
              },
            ]}
            extra={<PasswordChecklist password={newPassword} personal={personal} />}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirmLabel')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending} block>
            {change.isPending ? t('password.submitting') : t('password.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {changedAt
            ? t('password.lastChanged', { date: new Date(changedAt).toLocaleString(i18n.language) })
            : t('password.neverChanged')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
