import { BulbOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { DesktopModule } from '../module-types';

/**
 * Innovation projects in political work (思想政治工作创新课题): cycles, declarations and their
 * workflow, the secretariat's board, decision meetings and the approved list.
 */
export const innovationModule: DesktopModule = {
  key: 'innovation',
  labelKey: 'innovation:menu',
  icon: <BulbOutlined />,
  path: '/innovation',
  permission: 'innovation.read',
  element: lazy(() => import('./admin/innovation-page').then((m) => ({ default: m.InnovationPage }))),
};
