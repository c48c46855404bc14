import { lazy } from 'react';
import { Svg } from '../../mobile/icons';
import type { MobileModule } from '../module-types';

/** A megaphone: what the cycles announce. Drawn inline, as phones load no icon library. */
function MegaphoneIcon() {
  return (
    <Svg>
      <path d="M3 10v4a1 1 0 0 0 1 1h3l8 5V4L7 9H4a1 1 0 0 0-1 1Z" />
      <path d="M7 15v4a1 1 0 0 0 1 1h2" />
      <path d="M19 9a4 4 0 0 1 0 6" />
    </Svg>
  );
}

/**
 * What the innovation cycles above an employee made public (创新公示): the approved projects,
 * the awards in publicity (with objections) or final, and the conference's commendations.
 * Every employee may read them, so the tile needs no permission.
 */
export const innovationNoticesModule: MobileModule = {
  key: 'innovation-notices',
  labelKey: 'tiles:innovationNotices',
  icon: <MegaphoneIcon />,
  path: '/m/innovation',
  element: lazy(() =>
    import('./mobile/innovation-notices-page').then((m) => ({ default: m.InnovationNoticesPage })),
  ),
};
