import type { ReactNode } from 'react';
import { EmptyTrayIcon } from '../icons';

/** An honest empty state: a tray, what is (not) there, and maybe a way on. */
export function EmptyState({
  title,
  body,
  testId,
  children,
}: {
  title: string;
  body?: string;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <section className="m-card m-empty" data-testid={testId}>
      <EmptyTrayIcon size={56} />
      <h4>{title}</h4>
      {body && <p className="m-muted">{body}</p>}
      {children}
    </section>
  );
}
