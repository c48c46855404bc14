import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { createQueryClient } from '../api/query-client';
import { toLanguage } from '../i18n/languages';
import { ANTD_LOCALES, syncDayjsLocale } from './antd-locale';
import { desktopRouter } from './desktop-router';
import './desktop.css';

syncDayjsLocale();
const queryClient = createQueryClient();

/** Party red for the primary colour; everything else stays antd's default look. */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#c8102e',
    colorLink: '#c8102e',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
};

/** The back office: antd in the UI language, the query cache, and the desktop routes. */
export function DesktopApp() {
  const { i18n } = useTranslation();
  const lng = toLanguage(i18n.language);
  return (
    <ConfigProvider locale={ANTD_LOCALES[lng]} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={desktopRouter} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
