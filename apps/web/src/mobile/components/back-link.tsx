import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ChevronRightIcon } from '../icons';

/** Back to a list, at the top of a detail page. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="m-back">
      <ChevronRightIcon size={20} className="m-back-icon" />
      {children}
    </Link>
  );
}
