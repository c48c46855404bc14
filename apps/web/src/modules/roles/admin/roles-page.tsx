import { PlusOutlined } from '@ant-design/icons';
import { ASSIGNABLE_ROLES, type TRole } from '@lifeline/shared';
import { Alert, Button, Card, Flex, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/me';
import { errorMessage } from '../../../i18n/error-message';
import { FilterBar } from '../../admin-kit/filter-bar';
import { useLabels } from '../../admin-kit/labels';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam, useUrlFilters } from '../../admin-kit/url-filters';
import { PersonSelect } from '../../people/components/person-select';
import { UnitTreeSelect } from '../../units/components/unit-tree-select';
import { type RoleFilters, useRoleAssignments } from '../api';
import { AssignRoleModal } from './assign-role-modal';
import { RoleAssignmentsTable } from './role-assignments-table';

const KEYS = ['unitId', 'personId', 'role', 'ended', 'page'] as const;
const PAGE_SIZE = 50;

/**
 * Who holds which role on which unit. Filters live in the address, so the units page can link
 * here with `?unitId=`; a role on a unit covers its whole subtree.
 */
export function RolesPage() {
  const { t } = useTranslation(['roles', 'admin-kit', 'errors']);
  const labels = useLabels();
  const permissions = useMe().data?.permissions ?? [];
  const [url, setUrl] = useUrlFilters(KEYS);
  const [assigning, setAssigning] = useState(false);
  const filters: RoleFilters = {
    unitId: idParam(url.unitId),
    personId: idParam(url.personId),
    role: ASSIGNABLE_ROLES.find((r) => r === url.role),
    includeEnded: url.ended === '1',
  };
  const page = idParam(url.page) ?? 1;
  const roles = useRoleAssignments(filters, page, PAGE_SIZE);

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          permissions.includes('role.assign') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssigning(true)}>
              {t('assign.button')}
            </Button>
          )
        }
      />
      <Card>
        <FilterBar>
          <UnitTreeSelect
            value={filters.unitId}
            onChange={(unitId) => setUrl({ unitId })}
            placeholder={t('filters.unit')}
            aria-label={t('filters.unit')}
            style={{ width: 260, maxWidth: '100%' }}
          />
          <Select<TRole>
            allowClear
            value={filters.role}
            onChange={(role) => setUrl({ role })}
            options={ASSIGNABLE_ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
            placeholder={t('filters.role')}
            aria-label={t('filters.role')}
            style={{ width: 200, maxWidth: '100%' }}
          />
          <PersonSelect
            value={filters.personId}
            onChange={(personId) => setUrl({ personId })}
            placeholder={t('filters.person')}
            aria-label={t('filters.person')}
            style={{ width: 260, maxWidth: '100%' }}
          />
          <Flex align="center" gap="small">
            <Switch
              size="small"
              checked={filters.includeEnded}
              onChange={(on) => setUrl({ ended: on ? 1 : null })}
              aria-label={t('filters.includeEnded')}
            />
            <Typography.Text>{t('filters.includeEnded')}</Typography.Text>
          </Flex>
        </FilterBar>
        {roles.isError && (
          <Alert type="error" showIcon title={errorMessage(t, roles.error)} style={{ marginBottom: 16 }} />
        )}
        <RoleAssignmentsTable
          items={roles.data?.items ?? []}
          loading={roles.isFetching}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: roles.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('admin-kit:total', { count: total }),
            onChange: (p) => setUrl({ page: p }),
          }}
        />
      </Card>
      {assigning && <AssignRoleModal unitId={filters.unitId} onClose={() => setAssigning(false)} />}
    </>
  );
}
