import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useLogin, useMe } from '../../api/me';
import { safeNext } from '../../api/safe-next';
import { isMobilePath } from '../../boot/app-kind';
import { errorMessage } from '../../i18n/error-message';
import { SelfCheckLoginLink } from '../../modules/wellbeing/public/self-check-link';
import { MOBILE_PASSWORD_PATH } from '../guards/mobile-require-auth';
import { MobileLanguageSwitch } from '../layout/mobile-language-switch';

function targetAfterLogin(mustChange: boolean, next: string): string {
  return mustChange ? `${MOBILE_PASSWORD_PATH}?next=${encodeURIComponent(next)}` : next;
}

/** Login on a phone: the same API as the desktop, large fields, the keyboard's "go" submits. */
export function MobileLoginPage() {
  const { t } = useTranslation(['auth', 'errors', 'common']);
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), '/m');
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [values, setValues] = useState({ login: '', password: '' });
  const [missing, setMissing] = useState<string | null>(null);

  if (me.data && !login.isPending)
    return <Navigate to={targetAfterLogin(me.data.account.mustChangePassword, next)} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.login.trim()) return setMissing(t('login.loginRequired'));
    if (!values.password) return setMissing(t('login.passwordRequired'));
    setMissing(null);
    login.mutate(
      { login: values.login.trim(), password: values.password },
      {
        onSuccess: (user) => {
          const target = targetAfterLogin(user.account.mustChangePassword, next);
          if (isMobilePath(target)) navigate(target, { replace: true });
          else window.location.assign(target);
        },
      },
    );
  };
  const error = login.error;
  const errorText =
    missing ??
    (error instanceof ApiError && error.code === 'unauthenticated'
      ? t('login.wrongCredentials')
      : error && errorMessage(t, error));

  return (
    <div className="m-login">
      <header className="m-login-hero">
        <div className="m-login-top">
          <span />
          <MobileLanguageSwitch />
        </div>
        <svg width="56" height="56" viewBox="0 0 64 64" aria-hidden="true">
          <rect width="64" height="64" rx="14" fill="#fff" />
          <path
            d="M8 34h12l6-14 8 26 7-18 4 6h11"
            fill="none"
            stroke="#c8102e"
            strokeWidth="5"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <h1>{t('common:appFullName')}</h1>
        <p>{t('common:appTagline')}</p>
      </header>
      <form className="m-card m-form" onSubmit={onSubmit} noValidate>
        <h2>{t('login.welcome')}</h2>
        {errorText && (
          <div className="m-alert" role="alert">
            {errorText}
          </div>
        )}
        <label className="m-field">
          <span>{t('login.loginLabel')}</span>
          <input
            name="login"
            autoComplete="username"
            inputMode="text"
            enterKeyHint="next"
            placeholder={t('login.loginPlaceholder')}
            value={values.login}
            onChange={(e) => setValues((v) => ({ ...v, login: e.target.value }))}
          />
        </label>
        <label className="m-field">
          <span>{t('login.passwordLabel')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            enterKeyHint="go"
            placeholder={t('login.passwordPlaceholder')}
            value={values.password}
            onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
          />
        </label>
        <button
          type="submit"
          className="m-button m-button-primary m-button-block"
          disabled={login.isPending}
          data-testid="login-submit"
        >
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
        <p className="m-muted m-small">{t('login.forgotHint')}</p>
      </form>
      <footer className="m-login-footer">
        <SelfCheckLoginLink />
        <a href="/login">{t('login.toDesktop')}</a>
      </footer>
    </div>
  );
}
