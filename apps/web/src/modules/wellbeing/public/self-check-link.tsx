import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWellbeingSettings } from '../api';

function LinkText() {
  const { t } = useTranslation('wellbeing');
  return (
    <Link to="/m/self-check" className="m-wb-public-entry" data-testid="self-check-link">
      {t('public.loginPageLink')}
    </Link>
  );
}

/**
 * The way to the public self-check from the login page, shown only while the administrator has
 * opened it to everyone; the login form never waits for it.
 */
export function SelfCheckLoginLink() {
  const open = useWellbeingSettings().data?.openToEveryone === true;
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <LinkText />
    </Suspense>
  );
}
