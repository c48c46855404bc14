import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { MOBILE_MODULES } from '../modules/mobile-modules';
import { MobileModuleRoute } from './guards/mobile-module-route';
import { MobileRequireAuth } from './guards/mobile-require-auth';
import { MobileLayout } from './layout/mobile-layout';
import { MobileErrorPage } from './pages/mobile-error-page';
import { MobileNotFoundPage } from './pages/mobile-not-found-page';

const MobileLoginPage = lazy(() =>
  import('./pages/mobile-login-page').then((m) => ({ default: m.MobileLoginPage })),
);
const SelfCheckPublicPage = lazy(() =>
  import('../modules/wellbeing/public/self-check-page').then((m) => ({ default: m.SelfCheckPublicPage })),
);
const MobileHomePage = lazy(() =>
  import('./pages/mobile-home-page').then((m) => ({ default: m.MobileHomePage })),
);
const MobileMePage = lazy(() => import('./pages/mobile-me-page').then((m) => ({ default: m.MobileMePage })));
const MobileNotificationsPage = lazy(() =>
  import('./pages/mobile-notifications-page').then((m) => ({ default: m.MobileNotificationsPage })),
);
const MobilePasswordPage = lazy(() =>
  import('./pages/mobile-password-page').then((m) => ({ default: m.MobilePasswordPage })),
);

/** What the top bar shows for a route: an i18next key in its `handle`. */
export type MobileRouteHandle = { titleKey: string };

const moduleRoutes: RouteObject[] = MOBILE_MODULES.map((m) => ({
  path: `${m.path.replace(/^\/m\/?/, '')}/*`,
  element: <MobileModuleRoute entry={m} />,
  handle: { titleKey: m.labelKey } satisfies MobileRouteHandle,
}));

/**
 * The mobile routes, all under /m; everything but the login page and the public self-check
 * (open to people without an account when the administrator allows it) needs a session.
 */
export const mobileRouter = createBrowserRouter([
  { path: '/m/login', element: <MobileLoginPage />, errorElement: <MobileErrorPage /> },
  { path: '/m/self-check/*', element: <SelfCheckPublicPage />, errorElement: <MobileErrorPage /> },
  {
    path: '/m',
    element: (
      <MobileRequireAuth>
        <MobileLayout />
      </MobileRequireAuth>
    ),
    errorElement: <MobileErrorPage />,
    children: [
      {
        errorElement: <MobileErrorPage />,
        children: [
          { index: true, element: <MobileHomePage />, handle: { titleKey: 'common:appName' } },
          { path: 'me', element: <MobileMePage />, handle: { titleKey: 'shell:mobile.tabs.me' } },
          {
            path: 'notifications',
            element: <MobileNotificationsPage />,
            handle: { titleKey: 'shell:notifications.title' },
          },
          { path: 'password', element: <MobilePasswordPage />, handle: { titleKey: 'auth:password.title' } },
          ...moduleRoutes,
          { path: '*', element: <MobileNotFoundPage />, handle: { titleKey: 'common:notFound.title' } },
        ],
      },
    ],
  },
  // The mobile app only runs under /m, but a stray path still gets a page rather than a blank.
  {
    path: '*',
    element: (
      <div className="m-app">
        <MobileNotFoundPage />
      </div>
    ),
  },
]);
