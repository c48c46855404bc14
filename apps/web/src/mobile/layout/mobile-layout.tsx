import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useMatches } from 'react-router';
import { useMe } from '../../api/me';
import { MOBILE_MODULES } from '../../modules/mobile-modules';
import { labelNamespaces } from '../../modules/module-types';
import { BellIcon, HomeIcon, UserIcon } from '../icons';
import type { MobileRouteHandle } from '../mobile-router';
import { useUnreadCount } from '../notifications-api';
import { MobileLoading } from '../pages/mobile-loading';
import { MobileLanguageSwitch } from './mobile-language-switch';

const NAMESPACES = ['shell', 'common', 'auth', ...labelNamespaces(MOBILE_MODULES)];

function useTitleKey(): string {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i -= 1) {
    const handle = matches[i].handle as MobileRouteHandle | undefined;
    if (handle?.titleKey) return handle.titleKey;
  }
  return 'common:appName';
}

/** The phone frame: title bar on top, the page, and the Home / Me tabs at the thumb. */
export function MobileLayout() {
  const { t } = useTranslation(NAMESPACES);
  const titleKey = useTitleKey();
  // While the password must be changed nothing else is reachable, so no tabs are offered.
  const hasTabs = useMe().data?.account.mustChangePassword === false;
  const unread = useUnreadCount(hasTabs).data ?? 0;
  return (
    <div className="m-app">
      <header className="m-topbar">
        <h1 className="m-title">{t(titleKey)}</h1>
        <div className="m-topbar-actions">
          {hasTabs && (
            <Link
              to="/m/notifications"
              className="m-bell"
              aria-label={
                unread
                  ? t('shell:notifications.bellUnread', { count: unread })
                  : t('shell:notifications.bell')
              }
              data-testid="notification-bell"
            >
              <BellIcon size={22} />
              {unread > 0 && (
                <span className="m-badge" aria-hidden="true">
                  {unread > 99 ? '99+' : unread}
                </span>
              )}
            </Link>
          )}
          <MobileLanguageSwitch />
        </div>
      </header>
      <main className="m-main">
        <Suspense fallback={<MobileLoading />}>
          <Outlet />
        </Suspense>
      </main>
      {hasTabs && (
        <nav className="m-tabbar" aria-label={t('shell:nav.mainMenu')}>
          <NavLink to="/m" end className="m-tab">
            <HomeIcon />
            <span>{t('shell:mobile.tabs.home')}</span>
          </NavLink>
          <NavLink to="/m/me" className="m-tab">
            <UserIcon />
            <span>{t('shell:mobile.tabs.me')}</span>
          </NavLink>
        </nav>
      )}
    </div>
  );
}
