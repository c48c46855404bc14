import { Link } from 'react-router';
import { ChevronRightIcon } from '../icons';

/** A row of a list that leads to another page: a title, maybe a line below it, a chevron. */
export function LinkRow({
  to,
  title,
  sub,
  testId,
}: {
  to: string;
  title: string;
  sub?: string;
  testId?: string;
}) {
  return (
    <Link to={to} className="m-row m-row-link" data-testid={testId}>
      <span className="m-row-text">
        <span>{title}</span>
        {sub && <span className="m-muted m-small">{sub}</span>}
      </span>
      <ChevronRightIcon size={20} />
    </Link>
  );
}
