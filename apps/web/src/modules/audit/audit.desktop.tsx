import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { DesktopModule } from '../module-types';

/** The audit trail of every change (and every read of sensitive data) in my scope. */
export const auditModule: DesktopModule = {
  key: 'audit',
  labelKey: 'audit:menu',
  icon: <AuditOutlined />,
  path: '/audit',
  permission: 'audit.read',
  element: lazy(() => import('./admin/audit-page').then((m) => ({ default: m.AuditPage }))),
};
