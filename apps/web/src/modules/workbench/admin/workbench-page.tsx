import { AppstoreOutlined, MobileOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../api/me';
import { DESKTOP_MODULES } from '../../desktop-modules';
import { canUse } from '../../module-types';

function greetingKey(hour: number): string {
  if (hour < 12) return 'greeting.morning';
  if (hour < 18) return 'greeting.afternoon';
  return 'greeting.evening';
}

/** The desktop home: greets the user, shows where they work and what they may do. */
export function WorkbenchPage() {
  const { t } = useTranslation(['workbench', 'common']);
  const me = useMe().data;
  if (!me) return null;
  const modules = DESKTOP_MODULES.filter((m) => m.key !== 'workbench' && canUse(m, me.permissions));
  const mobileUrl = `${window.location.origin}/m`;

  return (
    <Flex vertical gap="large">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="workbench-greeting">
          {t(greetingKey(new Date().getHours()), { name: me.person.name })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
          {t('unit', { unit: me.person.unitName })}
          <br />
          {t('employeeNo', { no: me.person.employeeNo })}
        </Typography.Paragraph>
        <Typography.Text strong>{t('rolesTitle')}</Typography.Text>
        <Flex wrap gap="small" style={{ marginTop: 8 }}>
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

      <Card title={t('modulesTitle')}>
        {modules.length === 0 ? (
          <Empty
            image={<AppstoreOutlined style={{ fontSize: 48, color: '#bfbfbf' }} />}
            styles={{ image: { height: 56 } }}
            description={
              <Flex vertical gap="small" style={{ maxWidth: 560, margin: '0 auto' }}>
                <Typography.Text strong>{t('emptyTitle')}</Typography.Text>
                <Typography.Text type="secondary">{t('emptyBody')}</Typography.Text>
                <Typography.Text type="secondary">{t('emptyHint')}</Typography.Text>
              </Flex>
            }
          />
        ) : (
          <Row gutter={[16, 16]}>
            {modules.map((m) => (
              <Col key={m.key} xs={12} md={8} xl={6}>
                <Link to={m.path}>
                  <Card hoverable size="small">
                    <Flex gap="small" align="center">
                      {m.icon}
                      {t(m.labelKey)}
                    </Flex>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </Card>

      <Typography.Text type="secondary">
        <MobileOutlined /> {t('phoneHint', { url: mobileUrl })}
      </Typography.Text>
    </Flex>
  );
}
