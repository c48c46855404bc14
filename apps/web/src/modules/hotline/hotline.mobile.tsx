import { lazy } from 'react';
import { Svg } from '../../mobile/icons';
import type { MobileModule } from '../module-types';

/** A megaphone: speaking up. Drawn inline, as phones load no icon library. */
function MegaphoneIcon() {
  return (
    <Svg>
      <path d="M3 10v4a1 1 0 0 0 1 1h3l7 4V5L7 9H4a1 1 0 0 0-1 1Z" />
      <path d="M7 15v4a1 1 0 0 0 1 1h1.5" />
      <path d="M18 9a4 4 0 0 1 0 6" />
      <path d="M20.5 6.5a8 8 0 0 1 0 11" />
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
  labelKey: 'hotline:tile',
  icon: <MegaphoneIcon />,
  path: '/m/hotline',
  element: lazy(() => import('./mobile/hotline-page').then((m) => ({ default: m.HotlinePage }))),
};
