import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { type TLanguage, toLanguage } from '../i18n/languages';

/** Ant Design's strings (pagination, date pickers, empty states) for each UI language. */
export const ANTD_LOCALES: Record<TLanguage, Locale> = { 'zh-CN': zhCN, en: enUS };

const DAYJS_LOCALES: Record<TLanguage, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/**
 * Keeps dayjs (used by antd's date pickers and our date formatting) in the UI language; called
 * once when the desktop app loads, then on every language change.
 */
export function syncDayjsLocale(): void {
  const apply = (lng: string) => dayjs.locale(DAYJS_LOCALES[toLanguage(lng)]);
  apply(i18next.language);
  i18next.on('languageChanged', apply);
}
