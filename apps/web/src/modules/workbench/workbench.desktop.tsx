import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { DesktopModule } from '../module-types';

/** The desktop home page: who I am, what waits for me across the modules, and what I did lately. */
export const workbenchModule: DesktopModule = {
  key: 'workbench',
  labelKey: 'workbench:menu',
  icon: <HomeOutlined />,
  path: '/',
  element: lazy(() => import('./admin/workbench-page').then((m) => ({ default: m.WorkbenchPage }))),
};
