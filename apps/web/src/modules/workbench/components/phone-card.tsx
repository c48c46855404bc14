import { MobileOutlined } from '@ant-design/icons';
import { Card, Flex, QRCode, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The way to the phone pages for someone whose work is there (an employee without a management
 * role, a coach): a QR code to scan, drawn here in the browser, and the address as a link.
 */
export function PhoneCard() {
  const { t } = useTranslation('workbench');
  const url = `${window.location.origin}/m`;
  return (
    <Card
      title={
        <>
          <MobileOutlined /> {t('phone.title')}
        </>
      }
      data-testid="workbench-phone"
    >
      <Flex gap="middle" align="center" wrap>
        <QRCode value={url} size={136} bordered={false} type="svg" role="img" aria-label={t('phone.qr')} />
        <Flex vertical gap="small" style={{ flex: 1, minWidth: 180 }}>
          <Typography.Text>{t('phone.body')}</Typography.Text>
          <Typography.Link href="/m" data-testid="workbench-phone-link">
            {url}
          </Typography.Link>
        </Flex>
      </Flex>
    </Card>
  );
}
