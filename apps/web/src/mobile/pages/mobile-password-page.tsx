import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { personalWords, useChangePassword, useMe } from '../../api/me';
import { safeNext } from '../../api/safe-next';
import { changePasswordErrors, newPasswordProblems, policyChecks } from '../../auth/password-policy';
import { MOBILE_PASSWORD_PATH } from '../guards/mobile-require-auth';

type Fields = { currentPassword: string; newPassword: string; confirm: string };

/** Changing one's password on a phone, checked as the user types with the shared policy. */
export function MobilePasswordPage() {
  const { t } = useTranslation('auth');
  const me = useMe().data;
  const change = useChangePassword();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [fields, setFields] = useState<Fields>({ currentPassword: '', newPassword: '', confirm: '' });
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  if (!me) return null;
  const personal = personalWords(me);
  const set = (key: keyof Fields) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: string[] = [];
    if (!fields.currentPassword) found.push(t('password.currentRequired'));
    if (!fields.newPassword) found.push(t('password.newRequired'));
    else found.push(...newPasswordProblems(t, fields.newPassword, personal));
    if (fields.newPassword && fields.confirm !== fields.newPassword) found.push(t('password.mismatch'));
    setProblems(found);
    if (found.length > 0) return;
    change.mutate(
      { currentPassword: fields.currentPassword, newPassword: fields.newPassword },
      {
        onSuccess: () => {
          setDone(true);
          const next = safeNext(params.get('next'), '/m');
          window.setTimeout(
            () => navigate(next === MOBILE_PASSWORD_PATH ? '/m' : next, { replace: true }),
            1200,
          );
        },
      },
    );
  };
  const shown = problems.length > 0 ? problems : change.isError ? changePasswordErrors(t, change.error) : [];

  return (
    <form className="m-card m-form" onSubmit={onSubmit} noValidate>
      {me.account.mustChangePassword && !done && (
        <div className="m-alert m-alert-warning">{t('password.forcedNotice')}</div>
      )}
      {done && (
        <div className="m-alert m-alert-success" role="status">
          {t('password.success')}
        </div>
      )}
      {shown.length > 0 && (
        <ul className="m-alert" role="alert">
          {shown.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <input type="text" name="username" autoComplete="username" value={me.account.login} readOnly hidden />
      <label className="m-field">
        <span>{t('password.currentLabel')}</span>
        <input
          type="password"
          autoComplete="current-password"
          value={fields.currentPassword}
          onChange={set('currentPassword')}
        />
      </label>
      <label className="m-field">
        <span>{t('password.newLabel')}</span>
        <input
          type="password"
          autoComplete="new-password"
          value={fields.newPassword}
          onChange={set('newPassword')}
        />
      </label>
      <ul className="m-checklist" aria-label={t('password.policyTitle')}>
        {policyChecks(t, fields.newPassword, personal).map((c) => (
          <li key={c.key} className={fields.newPassword && c.ok ? 'm-ok' : undefined}>
            {c.text}
          </li>
        ))}
      </ul>
      <label className="m-field">
        <span>{t('password.confirmLabel')}</span>
        <input
          type="password"
          autoComplete="new-password"
          enterKeyHint="done"
          value={fields.confirm}
          onChange={set('confirm')}
        />
      </label>
      <button
        type="submit"
        className="m-button m-button-primary m-button-block"
        disabled={change.isPending || done}
      >
        {change.isPending ? t('password.submitting') : t('password.submit')}
      </button>
    </form>
  );
}
