import { KeyOutlined, LockOutlined, StopOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import type { TPerson } from '@lifeline/shared';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { detailProblems } from '../../../api/api-error';
import { problemText as policyProblemText } from '../../../auth/password-policy';
import { errorMessage } from '../../../i18n/error-message';
import { formatTimestamp, parseTimestamp } from '../../admin-kit/dates';
import { useLabels } from '../../admin-kit/labels';
import { type AccountChange, useAccount, useAccountMutation } from '../api';
import { PasswordModal } from './password-modal';

/**
 * A person's login account: open one with an initial password (to be changed at first login),
 * disable or enable it, reset its password, or lift a lockout.
 */
export function AccountCard({ person }: { person: TPerson }) {
  const { t } = useTranslation(['people', 'admin-kit', 'auth', 'errors']);
  const { lang } = useLabels();
  const { message } = App.useApp();
  const account = useAccount(person.id, true);
  const change = useAccountMutation(person.id);
  const [dialog, setDialog] = useState<'create' | 'reset' | null>(null);
  const failure = (error: unknown) => {
    const problems = detailProblems(error);
    return problems.length ? problems.map((p) => policyProblemText(t, p)).join(' ') : errorMessage(t, error);
  };
  const run = (body: { create: string } | AccountChange, done: string) =>
    change.mutateAsync(body).then(
      () => {
        void message.success(done);
        setDialog(null);
      },
      (error: unknown) => {
        if (!dialog) void message.error(failure(error));
        throw error;
      },
    );

  const a = account.data;
  const locked = a?.lockedUntil && (parseTimestamp(a.lockedUntil)?.getTime() ?? 0) > Date.now();
  const none = t('admin-kit:none');

  return (
    <Card title={t('account.title')} loading={account.isPending} data-testid="account-card">
      {account.isError && <Alert type="error" showIcon title={errorMessage(t, account.error)} />}
      {a === null && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('account.none')}>
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setDialog('create')}>
            {t('account.create')}
          </Button>
        </Empty>
      )}
      {a && !a.abilities.update && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('errors:reasons.holder_beyond_scope')}
        />
      )}
      {a && (
        <>
          <Flex wrap gap="small" style={{ marginBottom: 16 }} hidden={!a.abilities.update}>
            <Button icon={<KeyOutlined />} onClick={() => setDialog('reset')}>
              {t('account.reset')}
            </Button>
            {locked && (
              <Button
                icon={<UnlockOutlined />}
                onClick={() => void run({ unlock: true }, t('account.unlocked')).catch(() => undefined)}
              >
                {t('account.unlock')}
              </Button>
            )}
            <Popconfirm
              title={a.disabled ? t('account.enableConfirm') : t('account.disableConfirm')}
              okText={t('admin-kit:actions.confirm')}
              cancelText={t('admin-kit:actions.cancel')}
              onConfirm={() =>
                run(
                  { disabled: !a.disabled },
                  a.disabled ? t('account.enabled') : t('account.disabled'),
                ).catch(() => undefined)
              }
            >
              <Button danger={!a.disabled} icon={a.disabled ? <LockOutlined /> : <StopOutlined />}>
                {a.disabled ? t('account.enable') : t('account.disable')}
              </Button>
            </Popconfirm>
          </Flex>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'login',
                label: t('account.login'),
                children: person.phone
                  ? t('account.loginWithPhone', { no: person.employeeNo, phone: person.phone })
                  : person.employeeNo,
              },
              {
                key: 'status',
                label: t('account.status'),
                children: a.disabled ? (
                  <Tag color="default">{t('account.statusDisabled')}</Tag>
                ) : locked ? (
                  <Tag color="orange">
                    {t('account.statusLocked', { until: formatTimestamp(a.lockedUntil, lang) })}
                  </Tag>
                ) : (
                  <Tag color="green">{t('account.statusActive')}</Tag>
                ),
              },
              {
                key: 'mustChange',
                label: t('account.mustChangePassword'),
                children: a.mustChangePassword ? t('admin-kit:yes') : t('admin-kit:no'),
              },
              {
                key: 'lastLogin',
                label: t('account.lastLoginAt'),
                children: formatTimestamp(a.lastLoginAt, lang) || none,
              },
            ]}
          />
        </>
      )}
      {dialog && (
        <PasswordModal
          title={dialog === 'create' ? t('account.createTitle') : t('account.resetTitle')}
          hint={t('account.passwordHint')}
          personal={[person.employeeNo, person.phone ?? '']}
          loading={change.isPending}
          error={change.isError ? failure(change.error) : undefined}
          onSubmit={(password) =>
            void run(
              dialog === 'create' ? { create: password } : { resetPassword: password },
              dialog === 'create' ? t('account.created') : t('account.resetDone'),
            ).catch(() => undefined)
          }
          onClose={() => {
            change.reset();
            setDialog(null);
          }}
        />
      )}
    </Card>
  );
}
