import { auditModule } from './audit/audit.desktop';
import { calendarModule } from './calendar/calendar.desktop';
import { HOTLINE_DESK_MODULES } from './hotline-desk/hotline-desk.desktop';
import { innovationModule } from './innovation/innovation.desktop';
import { innovationResultsModule } from './innovation-results/innovation-results.desktop';
import { innovationReviewsModule } from './innovation-reviews/innovation-reviews.desktop';
import type { DesktopModule } from './module-types';
import { peopleModule } from './people/people.desktop';
import { peopleImportModule } from './people-import/people-import.desktop';
import { rolesModule } from './roles/roles.desktop';
import { unitsModule } from './units/units.desktop';
import { WELLBEING_ADMIN_MODULES } from './wellbeing-admin/wellbeing-admin.desktop';
import { workbenchModule } from './workbench/workbench.desktop';

/**
 * The desktop side menu, in menu order. To add a module, export a DesktopModule from
 * `modules/<domain>/<domain>.desktop.tsx` and list it here (see apps/web/README.md).
 */
export const DESKTOP_MODULES: readonly DesktopModule[] = [
  workbenchModule,
  innovationModule,
  innovationReviewsModule,
  innovationResultsModule,
  ...WELLBEING_ADMIN_MODULES,
  ...HOTLINE_DESK_MODULES,
  unitsModule,
  peopleModule,
  peopleImportModule,
  rolesModule,
  auditModule,
  calendarModule,
];
