import { NavLink } from 'react-router';

export type ChipLink = { to: string; label: string; end?: boolean };

/** A module's own navigation: a row of chips, the current page's filled. */
export function ChipNav({ label, links, testId }: { label: string; links: ChipLink[]; testId?: string }) {
  const cls = ({ isActive }: { isActive: boolean }) => (isActive ? 'm-chip-nav-on' : undefined);
  return (
    <nav className="m-chip-nav" aria-label={label} data-testid={testId}>
      {links.map((l) => (
        <NavLink key={l.to} to={l.to} end={l.end} className={cls}>
          {l.label}
        </NavLink>
      ))}
    </nav>
  );
}
