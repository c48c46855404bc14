import { ApartmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { DesktopModule } from '../module-types';

/** The organisation tree: units, their headcounts, and changes to the structure. */
export const unitsModule: DesktopModule = {
  key: 'units',
  labelKey: 'units:menu',
  icon: <ApartmentOutlined />,
  path: '/org-units',
  permission: 'org_unit.read',
  element: lazy(() => import('./admin/units-page').then((m) => ({ default: m.UnitsPage }))),
};
