import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { DesktopModule } from '../module-types';

/** Role assignments: who may do what on which part of the organisation. */
export const rolesModule: DesktopModule = {
  key: 'roles',
  labelKey: 'roles:menu',
  icon: <SafetyCertificateOutlined />,
  path: '/roles',
  permission: 'role.read',
  element: lazy(() => import('./admin/roles-page').then((m) => ({ default: m.RolesPage }))),
};
