import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout, useMe } from '../../api/me';
import { MOBILE_PASSWORD_PATH } from '../guards/mobile-require-auth';
import { ChevronRightIcon } from '../icons';
import { MobileLanguageChoice } from '../layout/mobile-language-switch';

/** "Me": who I am, my roles, password, language and logging out. */
export function MobileMePage() {
  const { t } = useTranslation(['shell', 'common', 'auth']);
  const me = useMe().data;
  const logout = useLogout();
  const navigate = useNavigate();
  if (!me) return null;

  const onLogout = async () => {
    await logout.mutateAsync().catch(() => undefined);
    navigate('/m/login', { replace: true });
  };

  return (
    <>
      <section className="m-card m-profile">
        <div className="m-avatar" aria-hidden="true">
          {me.person.name.slice(0, 1)}
        </div>
        <div>
          <h2>{me.person.name}</h2>
          <p className="m-muted">{me.person.unitName}</p>
        </div>
      </section>

      <dl className="m-card m-list">
        <div className="m-row">
          <dt>{t('mobile.me.employeeNo')}</dt>
          <dd>{me.person.employeeNo}</dd>
        </div>
        <div className="m-row">
          <dt>{t('mobile.me.login')}</dt>
          <dd>{me.account.login}</dd>
        </div>
        <div className="m-row">
          <dt>{t('mobile.me.roles')}</dt>
          <dd className="m-tags">
            <span className="m-tag">{t('common:roles.employee')}</span>
            {me.roles.map((r) => (
              <span key={r.id} className="m-tag">
                {t(`common:roles.${r.role}`)} · {r.unitName}
              </span>
            ))}
          </dd>
        </div>
      </dl>

      <h3 className="m-section-title">{t('mobile.me.security')}</h3>
      <div className="m-card m-list">
        <Link to={MOBILE_PASSWORD_PATH} className="m-row m-row-link">
          <span>{t('auth:password.title')}</span>
          <ChevronRightIcon size={20} />
        </Link>
      </div>

      <h3 className="m-section-title">{t('mobile.me.settings')}</h3>
      <div className="m-card m-list">
        <div className="m-row">
          <span>{t('common:language.label')}</span>
          <MobileLanguageChoice />
        </div>
      </div>

      <button
        type="button"
        className="m-button m-button-danger m-button-block"
        onClick={() => void onLogout()}
      >
        {t('user.logout')}
      </button>
    </>
  );
}
