import { ImportOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { DesktopModule } from '../module-types';

/**
 * The roster import wizard. It sits below `/people` in the address but is its own entry, as
 * importing needs its own permission.
 */
export const peopleImportModule: DesktopModule = {
  key: 'people-import',
  labelKey: 'people-import:menu',
  icon: <ImportOutlined />,
  path: '/people/import',
  permission: 'person.import',
  element: lazy(() => import('./admin/import-wizard-page').then((m) => ({ default: m.ImportWizardPage }))),
};
