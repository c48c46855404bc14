import { lazy } from 'react';
import { Svg } from '../../mobile/icons';
import type { MobileModule } from '../module-types';

/** Two speech bubbles: a conversation. Drawn inline, as phones load no icon library. */
function ConversationIcon() {
  return (
    <Svg>
      <path d="M4 5h11a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H9l-4 3v-3H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Z" />
      <path d="M16 9h4a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-1v3l-4-3h-4a1 1 0 0 1-1-1v-1" />
    </Svg>
  );
}

/**
 * One-click consultation (一键式咨询) with the happiness coaches (幸福教练): every employee may
 * ask, so the tile needs no permission; the coaches' own pages (inbox, cases, shared results,
 * profile) below it check `counselling.coach` themselves.
 */
export const counsellingModule: MobileModule = {
  key: 'counselling',
  labelKey: 'tiles:counselling',
  icon: <ConversationIcon />,
  path: '/m/counselling',
  element: lazy(() => import('./mobile/counselling-page').then((m) => ({ default: m.CounsellingPage }))),
};
