import { ControlOutlined, HeartOutlined, ProfileOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { DesktopModule } from '../module-types';

/**
 * The wellbeing back office (心理关爱): totals of self-assessment results for groups of at least
 * ten people, the module's settings and help information, and the scales an administrator
 * uploads. Three entries, as each needs its own permission; nobody here sees an individual.
 */
export const wellbeingStatsModule: DesktopModule = {
  key: 'wellbeing-stats',
  labelKey: 'wellbeing-admin:menu.stats',
  icon: <HeartOutlined />,
  path: '/wellbeing/stats',
  permission: 'wellbeing.aggregate',
  element: lazy(() => import('./admin/stats-page').then((m) => ({ default: m.WellbeingStatsPage }))),
};

export const wellbeingSettingsModule: DesktopModule = {
  key: 'wellbeing-settings',
  labelKey: 'wellbeing-admin:menu.settings',
  icon: <ControlOutlined />,
  path: '/wellbeing/settings',
  permission: 'wellbeing.manage',
  element: lazy(() => import('./admin/settings-page').then((m) => ({ default: m.WellbeingSettingsPage }))),
};

export const wellbeingScalesModule: DesktopModule = {
  key: 'wellbeing-scales',
  labelKey: 'wellbeing-admin:menu.scales',
  icon: <ProfileOutlined />,
  path: '/wellbeing/scales',
  permission: 'wellbeing.manage',
  element: lazy(() => import('./admin/scales-page').then((m) => ({ default: m.WellbeingScalesPage }))),
};

/** The entries in menu order. */
export const WELLBEING_ADMIN_MODULES: readonly DesktopModule[] = [
  wellbeingStatsModule,
  wellbeingSettingsModule,
  wellbeingScalesModule,
];
