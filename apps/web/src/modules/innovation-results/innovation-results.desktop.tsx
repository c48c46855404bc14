import { TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { DesktopModule } from '../module-types';

/**
 * Evaluation and awards of innovation projects: the scores board, awards with their publicity
 * period and objections, the innovation conference's commendations, and the figures per cycle.
 */
export const innovationResultsModule: DesktopModule = {
  key: 'innovation-results',
  labelKey: 'innovation-results:menu',
  icon: <TrophyOutlined />,
  path: '/innovation-results',
  permission: 'innovation.read',
  element: lazy(() => import('./admin/results-page').then((m) => ({ default: m.ResultsPage }))),
};
