import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { DESKTOP_MODULES } from '../modules/desktop-modules';
import { ModuleRoute } from './guards/module-route';
import { RequireAuth } from './guards/require-auth';
import { DesktopLayout } from './layout/desktop-layout';
import { RouteErrorPage } from './pages/route-error-page';

const LoginPage = lazy(() => import('./pages/login-page').then((m) => ({ default: m.LoginPage })));
const ChangePasswordPage = lazy(() =>
  import('./pages/change-password-page').then((m) => ({ default: m.ChangePasswordPage })),
);
const NotFoundPage = lazy(() => import('./pages/not-found-page').then((m) => ({ default: m.NotFoundPage })));

/** Every registered module's routes: `/` is the index, any other path owns its subtree. */
const moduleRoutes: RouteObject[] = DESKTOP_MODULES.map((m) => {
  const element = <ModuleRoute key={m.key} entry={m} />;
  return m.path === '/' ? { index: true, element } : { path: `${m.path.replace(/^\//, '')}/*`, element };
});

/**
 * The desktop routes. Everything but the login page needs a session; unknown paths show a 404
 * inside the shell (so a logged-out visitor is first sent to log in).
 */
export const desktopRouter = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <DesktopLayout />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { path: 'profile/password', element: <ChangePasswordPage /> },
          ...moduleRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
