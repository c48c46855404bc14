import { counsellingModule } from './counselling/counselling.mobile';
import { hotlineModule } from './hotline/hotline.mobile';
import { innovationNoticesModule } from './innovation-notices/innovation-notices.mobile';
import type { MobileModule } from './module-types';
import { wellbeingModule } from './wellbeing/wellbeing.mobile';

/**
 * The tiles of the mobile home page, in order. Only antd-free modules may be listed here:
 * export a MobileModule from `modules/<domain>/<domain>.mobile.tsx` and add it.
 */
export const MOBILE_MODULES: readonly MobileModule[] = [
  innovationNoticesModule,
  wellbeingModule,
  counsellingModule,
  hotlineModule,
];
