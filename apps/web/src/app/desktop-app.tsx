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

/** Red text of errors and danger buttons: antd's red 7, 5.1:1 on its light red background. */
const ERROR_TEXT = '#cf1322';

/**
 * Tags write in the 7th shade of their colour on its 1st; where that reads below 4.5:1, a darker
 * shade of the same colour (antd's palette) that reaches it.
 */
const TAG_TEXT = {
  green7: '#237804',
  cyan7: '#006d75',
  orange7: '#ad4e00',
  volcano7: '#ad2102',
  gold7: '#874d00',
  yellow7: '#876800',
  lime7: '#3f6600',
} as const;

/**
 * Party red for the primary colour; everything else stays antd's default look, except that all
 * text reaches 4.5:1 (WCAG AA) on white, on the layout's grey and on antd's tinted rows: antd's
 * secondary text (45% black) reads 3.4:1, its placeholders (25%) 1.8:1, its light status colours
 * 1.8–3.7:1. Disabled controls keep antd's look (WCAG exempts them).
 */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#c8102e',
    colorLink: '#c8102e',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
    colorTextTertiary: 'rgba(0, 0, 0, 0.57)',
    colorTextDescription: 'rgba(0, 0, 0, 0.57)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorErrorText: ERROR_TEXT,
  },
  components: {
    Tag: {
      ...TAG_TEXT,
      colorSuccess: TAG_TEXT.green7,
      colorInfo: '#0958d9',
      colorWarning: TAG_TEXT.gold7,
      colorError: ERROR_TEXT,
    },
    Button: { colorError: ERROR_TEXT },
    // Status text (a rise shown green, a warning, an error) in the same readable shades.
    Typography: {
      colorSuccessText: TAG_TEXT.green7,
      colorWarningText: TAG_TEXT.gold7,
      colorErrorText: ERROR_TEXT,
    },
    // An empty table says so in the disabled colour.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' },
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
