import { CalendarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { DesktopModule } from '../module-types';

/**
 * The working-day calendar that deadlines are counted on. Any logged-in user may read it
 * through the API, but the page is for those who maintain it, so the menu asks for
 * `calendar.manage`.
 */
export const calendarModule: DesktopModule = {
  key: 'calendar',
  labelKey: 'calendar:menu',
  icon: <CalendarOutlined />,
  path: '/calendar',
  permission: 'calendar.manage',
  element: lazy(() => import('./admin/calendar-page').then((m) => ({ default: m.CalendarPage }))),
};
