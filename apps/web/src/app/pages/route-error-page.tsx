import { Button, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { ApiError } from '../../api/api-error';
import { errorMessage } from '../../i18n/error-message';

/**
 * Shown when a page throws while rendering or its code cannot be loaded (often a new release
 * replaced the files): a reload fixes both, so that is the main action.
 */
export function RouteErrorPage() {
  const { t } = useTranslation(['common', 'errors']);
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh', padding: 24 }}>
      <Result
        status="error"
        title={t('crash.title')}
        subTitle={
          <Flex vertical gap="small">
            <span>{t('crash.description')}</span>
            {error instanceof ApiError && (
              <Typography.Text type="secondary">{errorMessage(t, error)}</Typography.Text>
            )}
          </Flex>
        }
        extra={[
          <Button key="reload" type="primary" onClick={() => window.location.reload()}>
            {t('actions.reload')}
          </Button>,
          <Button key="home" href="/">
            {t('actions.backHome')}
          </Button>,
        ]}
      />
    </Flex>
  );
}
