import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** A page header's way back to where the page belongs (not the browser history). */
export function BackButton({ to }: { to: string }) {
  const { t } = useTranslation('common');
  const navigate = useNavigate();
  return (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(to)}>
      {t('actions.back')}
    </Button>
  );
}
