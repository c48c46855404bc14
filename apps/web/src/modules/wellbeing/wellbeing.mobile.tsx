import { lazy } from 'react';
import { Svg } from '../../mobile/icons';
import type { MobileModule } from '../module-types';

/** A heart held in a hand: care for oneself. Drawn inline, as phones load no icon library. */
function HeartIcon() {
  return (
    <Svg>
      <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10Z" />
      <path d="M9 11h2l1-2 1.5 4 1-2H15" />
    </Svg>
  );
}

/**
 * The employee's self-assessments (职工心灵护航): take a scale, keep results with consent or just
 * look, see the trend, share with a coach, and find help at once when a result calls for it.
 * Every employee may use it, so the tile needs no permission.
 */
export const wellbeingModule: MobileModule = {
  key: 'wellbeing',
  labelKey: 'tiles:wellbeing',
  icon: <HeartIcon />,
  path: '/m/wellbeing',
  element: lazy(() => import('./mobile/wellbeing-page').then((m) => ({ default: m.WellbeingPage }))),
};
