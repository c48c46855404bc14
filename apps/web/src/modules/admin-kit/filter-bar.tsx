import type { ReactNode } from 'react';
import './admin-kit.css';

/** A list page's search box and filters in a wrapping row; on a phone each takes a full line. */
export function FilterBar({ children }: { children: ReactNode }) {
  return <div className="ll-filter-bar">{children}</div>;
}
