import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { EmptyTrayIcon } from '../../../mobile/icons';
import { MobileLanguageSwitch } from '../../../mobile/layout/mobile-language-switch';
import { MobileLoading } from '../../../mobile/pages/mobile-loading';
import { MobileNotFoundPage } from '../../../mobile/pages/mobile-not-found-page';
import { useInstruments, useWellbeingSettings } from '../api';
import { InstrumentCard } from '../mobile/instrument-card';
import { QueryState } from '../mobile/parts';
import { MEMBER_LOGIN, SELF_CHECK_PATH } from '../paths';
import '../mobile/wellbeing.css';

const PublicTake = lazy(() => import('./self-check-take').then((m) => ({ default: m.PublicTake })));

/** The self-check is for employees only: say so, and offer the login. */
function ClosedNotice() {
  const { t } = useTranslation('wellbeing');
  return (
    <section className="m-card m-wb-stack" data-testid="self-check-closed">
      <h2>{t('public.closedTitle')}</h2>
      <p className="m-muted">{t('public.closedBody')}</p>
      <Link to={MEMBER_LOGIN} className="m-button m-button-primary m-button-block" data-testid="to-login">
        {t('public.login')}
      </Link>
    </section>
  );
}

/** The scales anyone may take, and the promise that nothing is kept. */
function PublicHome() {
  const { t } = useTranslation('wellbeing');
  const instruments = useInstruments();
  const list = instruments.data;
  // The invitation to employees comes after the list, so it shows with the list: drawn before the
  // list arrived, it jumped down the screen when the list pushed it (layout shift 0.16).
  const settled = list !== undefined || instruments.error != null;
  return (
    <>
      <section className="m-card m-wb-intro">
        <h2>{t('public.heading')}</h2>
        <p className="m-muted">{t('home.intro')}</p>
        <p className="m-alert m-alert-success" data-testid="nothing-stored">
          {t('public.private')}
        </p>
      </section>
      <h3 className="m-section-title">{t('home.instruments')}</h3>
      {!list ? (
        <QueryState error={instruments.error} onRetry={() => void instruments.refetch()} />
      ) : list.length === 0 ? (
        <section className="m-card m-empty">
          <EmptyTrayIcon size={56} />
          <h4>{t('home.emptyTitle')}</h4>
          <p className="m-muted">{t('home.emptyBody')}</p>
        </section>
      ) : (
        <ul className="m-cards">
          {list.map((d) => (
            <InstrumentCard key={d.code} def={d} to={`${SELF_CHECK_PATH}/take/${d.code}`} consent="public" />
          ))}
        </ul>
      )}
      {settled && (
        <section className="m-card m-wb-stack">
          <h3>{t('public.employeeTitle')}</h3>
          <p className="m-muted m-small">{t('public.employeeBody')}</p>
          <Link to={MEMBER_LOGIN} className="m-wb-link">
            {t('public.login')}
          </Link>
        </section>
      )}
    </>
  );
}

/** Open to everyone or for employees only, as the administrator set it. */
function Gate() {
  const settings = useWellbeingSettings();
  if (!settings.data) return <QueryState error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!settings.data.openToEveryone) return <ClosedNotice />;
  return (
    <Routes>
      <Route index element={<PublicHome />} />
      <Route path="take/:code" element={<PublicTake settings={settings.data} />} />
      <Route path="*" element={<MobileNotFoundPage />} />
    </Routes>
  );
}

/**
 * The public self-check under /m/self-check, for people without an account when the
 * administrator opened it. It never asks who one is: the only calls are the settings, the
 * scales and the scoring, and nothing is kept on the server or on the phone.
 */
export function SelfCheckPublicPage() {
  const { t } = useTranslation('wellbeing');
  return (
    <div className="m-app">
      <header className="m-topbar">
        <h1 className="m-title">{t('public.title')}</h1>
        <div className="m-topbar-actions">
          <MobileLanguageSwitch />
        </div>
      </header>
      <main className="m-main m-wb-public">
        <Suspense fallback={<MobileLoading />}>
          <Gate />
        </Suspense>
      </main>
    </div>
  );
}
