import { MobileOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/me';
import { PageLoading } from '../../../app/pages/page-loading';
import { errorMessage } from '../../../i18n/error-message';
import { DESKTOP_MODULES } from '../../desktop-modules';
import { canUse } from '../../module-types';
import { useWorkbench } from '../api';
import { ActivityList } from '../components/activity-list';
import { PhoneCard } from '../components/phone-card';
import { TaskList } from '../components/task-list';
import '../workbench.css';

function greetingKey(hour: number): string {
  if (hour < 12) return 'greeting.morning';
  if (hour < 18) return 'greeting.afternoon';
  return 'greeting.evening';
}

/**
 * The desktop home: who I am, what waits for me across the modules (counts, the nearest
 * deadline, one click to where I act), and what I did lately. Someone whose work is on the phone
 * (no desktop module) gets the QR code of the phone pages. The page shows once its data is in,
 * so that nothing moves under the reader's eyes.
 */
export function WorkbenchPage() {
  const { t } = useTranslation(['workbench', 'common', 'errors']);
  const me = useMe().data;
  const workbench = useWorkbench();
  if (!me || workbench.isPending) return <PageLoading />;
  const phoneWorker = !DESKTOP_MODULES.some((m) => m.key !== 'workbench' && canUse(m, me.permissions));
  const tasks = workbench.data?.tasks ?? [];

  return (
    <Flex vertical gap="large">
      <Card>
        <Typography.Title level={1} className="ll-wb-greeting" data-testid="workbench-greeting">
          {t(greetingKey(new Date().getHours()), { name: me.person.name })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('unit', { unit: me.person.unitName })}
          <br />
          {t('employeeNo', { no: me.person.employeeNo })}
        </Typography.Paragraph>
        <Flex wrap gap="small" align="center">
          <Typography.Text strong>{t('rolesTitle')}</Typography.Text>
          {me.roles.length === 0 ? (
            <Typography.Text type="secondary">{t('noRoles')}</Typography.Text>
          ) : (
            me.roles.map((r) => (
              <Tag key={r.id} color="red" variant="outlined">
                {t('roleAt', { role: t(`common:roles.${r.role}`), unit: r.unitName })}
              </Tag>
            ))
          )}
        </Flex>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('tasks.title')} data-testid="workbench-tasks-card">
            {workbench.isError ? (
              <Alert type="error" showIcon title={errorMessage(t, workbench.error)} />
            ) : (
              <TaskList tasks={tasks} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap="middle">
            {phoneWorker && <PhoneCard />}
            <Card title={t('activity.title')}>
              <ActivityList events={workbench.data?.activity ?? []} />
            </Card>
          </Flex>
        </Col>
      </Row>

      {!phoneWorker && (
        <Typography.Text type="secondary">
          <MobileOutlined /> {t('phoneHint')}{' '}
          <Typography.Link href="/m" underline>{`${window.location.origin}/m`}</Typography.Link>
        </Typography.Text>
      )}
    </Flex>
  );
}
