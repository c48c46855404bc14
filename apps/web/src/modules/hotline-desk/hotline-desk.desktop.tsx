import { BarChartOutlined, CustomerServiceOutlined, SettingOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { DesktopModule } from '../module-types';

/**
 * The employee hotline's back office (职工快线): the handlers' desk with each item's page, the
 * hotline's settings (categories, routing, channels) and its statistics. Three entries, as each
 * needs its own permission. Notifications link handlers to `/hotline/items/:id`.
 */
export const hotlineDeskModule: DesktopModule = {
  key: 'hotline-desk',
  labelKey: 'hotline-desk:menu.desk',
  icon: <CustomerServiceOutlined />,
  path: '/hotline',
  permission: 'hotline.handle',
  element: lazy(() => import('./admin/desk-page').then((m) => ({ default: m.HotlineDeskPage }))),
};

export const hotlineSettingsModule: DesktopModule = {
  key: 'hotline-settings',
  labelKey: 'hotline-desk:menu.settings',
  icon: <SettingOutlined />,
  path: '/hotline/settings',
  permission: 'hotline.manage',
  element: lazy(() => import('./admin/settings-page').then((m) => ({ default: m.HotlineSettingsPage }))),
};

export const hotlineStatsModule: DesktopModule = {
  key: 'hotline-stats',
  labelKey: 'hotline-desk:menu.stats',
  icon: <BarChartOutlined />,
  path: '/hotline/stats',
  permission: 'hotline.stats',
  element: lazy(() => import('./admin/stats-page').then((m) => ({ default: m.HotlineStatsPage }))),
};

/** The entries in menu order. */
export const HOTLINE_DESK_MODULES: readonly DesktopModule[] = [
  hotlineDeskModule,
  hotlineStatsModule,
  hotlineSettingsModule,
];
