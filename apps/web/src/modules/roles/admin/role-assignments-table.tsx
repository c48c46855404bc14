import type { TRoleAssignment } from '@lifeline/shared';
import { App, Button, Popconfirm, Table, type TableColumnsType, type TablePaginationConfig, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../i18n/error-message';
import { today } from '../../admin-kit/dates';
import { useLabels } from '../../admin-kit/labels';
import { useRevokeRole } from '../api';

type Props = {
  items: TRoleAssignment[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  /** On a person's page the person column says nothing new. */
  showPerson?: boolean;
};

/** Role assignments with their period and state; "end" where the server allows it. */
export function RoleAssignmentsTable({ items, loading, pagination, showPerson = true }: Props) {
  const { t } = useTranslation(['roles', 'admin-kit', 'errors']);
  const labels = useLabels();
  const { message } = App.useApp();
  const revoke = useRevokeRole();
  const none = t('admin-kit:none');
  // Not active is either not started yet or over; the server's `active` uses Beijing's date.
  const todayText = today().format('YYYY-MM-DD');

  const columns: TableColumnsType<TRoleAssignment> = [
    ...(showPerson
      ? [
          {
            key: 'person',
            title: t('table.person'),
            render: (_: unknown, a: TRoleAssignment) => (
              <Link to={`/people/${a.personId}`}>
                {t('table.personLabel', { name: a.personName, no: a.employeeNo })}
              </Link>
            ),
          },
        ]
      : []),
    { key: 'role', title: t('table.role'), render: (_, a) => labels.role(a.role) },
    { key: 'unit', dataIndex: 'unitName', title: t('table.unit') },
    { key: 'startsOn', title: t('table.startsOn'), render: (_, a) => a.startsOn ?? none },
    { key: 'endsOn', title: t('table.endsOn'), render: (_, a) => a.endsOn ?? none },
    {
      key: 'state',
      title: t('table.state'),
      render: (_, a) =>
        a.active ? (
          <Tag color="green">{t('state.active')}</Tag>
        ) : a.startsOn && a.startsOn > todayText ? (
          <Tag color="blue">{t('state.upcoming')}</Tag>
        ) : (
          <Tag>{t('state.ended')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('table.actions'),
      render: (_, a) =>
        a.abilities.revoke ? (
          <Popconfirm
            title={t('revoke.confirm', { person: a.personName, role: labels.role(a.role), unit: a.unitName })}
            okText={t('revoke.ok')}
            okButtonProps={{ danger: true }}
            cancelText={t('admin-kit:actions.cancel')}
            onConfirm={() =>
              revoke.mutateAsync(a.id).then(
                () => void message.success(t('revoke.done')),
                (err: unknown) => void message.error(errorMessage(t, err)),
              )
            }
          >
            <Button size="small" danger type="link">
              {t('revoke.button')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Table<TRoleAssignment>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
    />
  );
}
