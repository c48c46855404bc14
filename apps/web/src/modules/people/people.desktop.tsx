import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { DesktopModule } from '../module-types';

/** The roster: search, filters, one person's record, account and roles. */
export const peopleModule: DesktopModule = {
  key: 'people',
  labelKey: 'people:menu',
  icon: <TeamOutlined />,
  path: '/people',
  permission: 'person.read',
  element: lazy(() => import('./admin/people-page').then((m) => ({ default: m.PeoplePage }))),
};
