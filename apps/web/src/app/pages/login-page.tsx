import { LockOutlined, MobileOutlined, UserOutlined } from '@ant-design/icons';
import type { TLoginRequest } from '@lifeline/shared';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useLogin, useMe } from '../../api/me';
import { safeNext } from '../../api/safe-next';
import { isMobilePath } from '../../boot/app-kind';
import { errorMessage } from '../../i18n/error-message';
import { CHANGE_PASSWORD_PATH } from '../guards/require-auth';
import { AuthFrame } from './auth-frame';

/** Sends the user on after login; a mobile path is another app, so it is a full page load. */
function useGoOn() {
  const navigate = useNavigate();
  return (target: string) => {
    if (isMobilePath(target)) window.location.assign(target);
    else navigate(target, { replace: true });
  };
}

/** Login with an employee number or phone number and a password. */
export function LoginPage() {
  const { t } = useTranslation(['auth', 'errors', 'common']);
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), '/');
  const me = useMe();
  const login = useLogin();
  const goOn = useGoOn();

  if (me.data && !login.isPending) {
    const target = me.data.account.mustChangePassword
      ? `${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(next)}`
      : next;
    return <Navigate to={target} replace />;
  }

  const onFinish = (values: TLoginRequest) => {
    login.mutate(values, {
      onSuccess: (user) =>
        goOn(
          user.account.mustChangePassword ? `${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(next)}` : next,
        ),
    });
  };
  const error = login.error;
  const errorText =
    error instanceof ApiError && error.code === 'unauthenticated'
      ? t('login.wrongCredentials')
      : error && errorMessage(t, error);

  return (
    <AuthFrame
      extra={
        <Button type="link" href="/m/login" icon={<MobileOutlined />}>
          {t('login.toMobile')}
        </Button>
      }
    >
      <Card className="ll-auth-card">
        <Typography.Title level={1} className="ll-auth-title">
          {t('login.welcome')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('common:appTagline')}
        </Typography.Paragraph>
        {errorText && (
          <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} role="alert" />
        )}
        <Form<TLoginRequest> layout="vertical" requiredMark={false} onFinish={onFinish} size="large">
          <Form.Item
            name="login"
            label={t('login.loginLabel')}
            rules={[{ required: true, whitespace: true, message: t('login.loginRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              placeholder={t('login.loginPlaceholder')}
              autoComplete="username"
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.passwordLabel')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              placeholder={t('login.passwordPlaceholder')}
              autoComplete="current-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
          {t('login.forgotHint')}
        </Typography.Paragraph>
      </Card>
    </AuthFrame>
  );
}
