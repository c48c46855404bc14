import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../api/me';
import { canUse, type DesktopModule } from '../../modules/module-types';

/**
 * Renders a module's page for users who hold its permission. The server checks again on every
 * call; this only spares others a page of "forbidden" errors.
 */
export function ModuleRoute({ entry }: { entry: DesktopModule }) {
  const { t } = useTranslation('common');
  const me = useMe().data;
  const navigate = useNavigate();
  if (!me) return null;
  if (!canUse(entry, me.permissions)) {
    return (
      <Result
        status="403"
        title={t('forbidden.title')}
        subTitle={t('forbidden.description')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('actions.backHome')}
          </Button>
        }
      />
    );
  }
  const Page = entry.element;
  return <Page />;
}
