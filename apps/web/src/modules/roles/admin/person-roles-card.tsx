import { PlusOutlined } from '@ant-design/icons';
import type { TPerson } from '@lifeline/shared';
import { Button, Card, Flex, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoleAssignments } from '../api';
import { AssignRoleModal } from './assign-role-modal';
import { RoleAssignmentsTable } from './role-assignments-table';

/** The roles a person holds (on units in my scope), with assigning where the server allows it. */
export function PersonRolesCard({ person }: { person: TPerson }) {
  const { t } = useTranslation('roles');
  const [includeEnded, setIncludeEnded] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const roles = useRoleAssignments({ personId: person.id, includeEnded }, 1, 100);
  return (
    <Card
      title={t('person.title')}
      data-testid="person-roles"
      extra={
        <Flex align="center" gap="small" wrap>
          <Typography.Text>{t('filters.includeEnded')}</Typography.Text>
          <Switch
            size="small"
            checked={includeEnded}
            onChange={setIncludeEnded}
            aria-label={t('filters.includeEnded')}
          />
          {person.abilities.assignRoles && (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setAssigning(true)}>
              {t('assign.button')}
            </Button>
          )}
        </Flex>
      }
    >
      <RoleAssignmentsTable
        items={roles.data?.items ?? []}
        loading={roles.isFetching}
        pagination={false}
        showPerson={false}
      />
      {assigning && (
        <AssignRoleModal
          personId={person.id}
          personName={person.name}
          unitId={person.unitId}
          onClose={() => setAssigning(false)}
        />
      )}
    </Card>
  );
}
