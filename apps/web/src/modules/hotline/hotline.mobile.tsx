import { lazy } from 'react';
import { Svg } from '../../mobile/icons';
import type { MobileModule } from '../module-types';

/** A telephone handset with a line out: the hotline. Drawn inline, as phones load no icon library. */
function HotlineIcon() {
  return (
    <Svg>
      <path d="M5 4h3l2 5-2.5 1.5a11 11 0 0 0 6 6L15 14l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2Z" />
      <path d="M15 3a6 6 0 0 1 6 6" />
      <path d="M15 7a2 2 0 0 1 2 2" />
    </Svg>
  );
}

/**
 * The employee hotline (职工快线): raise a problem with the unit concerned, named, confidential or
 * anonymous; follow it, rate the answer, and read the public board. Every employee may use it,
 * so the tile needs no permission.
 */
export const hotlineModule: MobileModule = {
  key: 'hotline',
  labelKey: 'tiles:hotline',
  icon: <HotlineIcon />,
  path: '/m/hotline',
  element: lazy(() => import('./mobile/hotline-page').then((m) => ({ default: m.HotlinePage }))),
};
