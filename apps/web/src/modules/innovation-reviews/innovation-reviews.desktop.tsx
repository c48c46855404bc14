import { FormOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { DesktopModule } from '../module-types';

/** The expert's review assignments of innovation projects: blind scoring on the cycle's rubric. */
export const innovationReviewsModule: DesktopModule = {
  key: 'innovation-reviews',
  labelKey: 'innovation-reviews:menu',
  icon: <FormOutlined />,
  path: '/innovation-reviews',
  permission: 'innovation.evaluate',
  element: lazy(() => import('./admin/reviews-page').then((m) => ({ default: m.ReviewsPage }))),
};
