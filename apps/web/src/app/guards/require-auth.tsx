import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../../api/me';
import { loginUrl } from '../../api/safe-next';
import { PageLoading } from '../pages/page-loading';

/** The page every user must see before any other while their password is a temporary one. */
export const CHANGE_PASSWORD_PATH = '/profile/password';

/**
 * Lets only logged-in users through: others go to the login page and come back afterwards;
 * a user who must change their password is held on the change-password page.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <PageLoading />;
  if (me.isError) throw me.error;
  if (!me.data) return <Navigate to={loginUrl('/login', location)} replace />;
  if (me.data.account.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={loginUrl(CHANGE_PASSWORD_PATH, location)} replace />;
  }
  return children;
}
