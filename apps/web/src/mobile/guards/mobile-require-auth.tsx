import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../../api/me';
import { loginUrl } from '../../api/safe-next';
import { MobileLoading } from '../pages/mobile-loading';

/** Where a user with a temporary password is held on a phone. */
export const MOBILE_PASSWORD_PATH = '/m/password';

/** The mobile twin of the desktop guard: log in first, and change a temporary password first. */
export function MobileRequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <MobileLoading />;
  if (me.isError) throw me.error;
  if (!me.data) return <Navigate to={loginUrl('/m/login', location)} replace />;
  if (me.data.account.mustChangePassword && location.pathname !== MOBILE_PASSWORD_PATH) {
    return <Navigate to={loginUrl(MOBILE_PASSWORD_PATH, location)} replace />;
  }
  return children;
}
