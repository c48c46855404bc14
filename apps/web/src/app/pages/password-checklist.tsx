import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { policyChecks } from '../../auth/password-policy';

/** The password rules, each ticked green once the typed password meets it. */
export function PasswordChecklist({ password, personal }: { password: string; personal: string[] }) {
  const { t } = useTranslation('auth');
  const checks = policyChecks(t, password, personal);
  return (
    <Flex vertical gap={4} style={{ marginTop: 8, marginBottom: 8 }} data-testid="password-policy">
      <Typography.Text strong>{t('password.policyTitle')}</Typography.Text>
      {checks.map((c) => (
        <Typography.Text key={c.key} type={password && c.ok ? 'success' : 'secondary'}>
          {password && c.ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} {c.text}
        </Typography.Text>
      ))}
    </Flex>
  );
}
