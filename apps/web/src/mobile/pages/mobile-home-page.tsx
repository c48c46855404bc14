import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/me';
import { MOBILE_MODULES } from '../../modules/mobile-modules';
import { canUse } from '../../modules/module-types';
import { EmptyTrayIcon } from '../icons';

/** The employee's home: a greeting and the services switched on for them, or an honest "not yet". */
export function MobileHomePage() {
  const { t } = useTranslation(['shell', 'common']);
  const me = useMe().data;
  if (!me) return null;
  const tiles = MOBILE_MODULES.filter((m) => canUse(m, me.permissions));
  return (
    <>
      <section className="m-card m-greeting">
        <h2 data-testid="mobile-greeting">{t('mobile.greeting', { name: me.person.name })}</h2>
        <p className="m-muted">{me.person.unitName}</p>
      </section>
      <h3 className="m-section-title">{t('mobile.servicesTitle')}</h3>
      {tiles.length === 0 ? (
        <section className="m-card m-empty">
          <EmptyTrayIcon size={56} />
          <h4>{t('mobile.emptyTitle')}</h4>
          <p className="m-muted">{t('mobile.emptyBody')}</p>
        </section>
      ) : (
        <div className="m-tiles">
          {tiles.map((m) => (
            <Link key={m.key} to={m.path} className="m-tile">
              <span className="m-tile-icon">{m.icon}</span>
              <span>{t(m.labelKey)}</span>
            </Link>
          ))}
        </div>
      )}
    </>
  );
}
