import type { ReactNode } from 'react';
import { LockIcon } from '../icons';

/** A short statement on who sees what, with a padlock. */
export function PrivacyNote({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="m-privacy" data-testid={testId}>
      <LockIcon />
      <span>{children}</span>
    </p>
  );
}
