import i18next, { type BackendModule, type ReadCallback, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  CORE_NAMESPACES,
  LANGUAGE_STORAGE_KEY,
  LANGUAGES,
  storedLanguage,
  type TLanguage,
} from './languages';

type Json = { default: ResourceKey };

// Core namespaces are small and needed on the first screen, so the default language's (zh-CN, the
// first of LANGUAGES) are bundled with the entry. Another language's load at start when it is the
// one chosen, as one chunk (apps/web/vite.config.ts), rather than weigh on every first load.
const core = import.meta.glob<ResourceKey>('./locales/zh-CN/*.json', { eager: true, import: 'default' });
const otherCore = import.meta.glob<Json>(['./locales/*/*.json', '!./locales/zh-CN/*.json']);
// A module's strings live beside it (`modules/<ns>/locales/<lang>.json`) and load with its pages.
const moduleLocales = import.meta.glob<Json>('../modules/*/locales/*.json');

function coreResources(): Record<string, Record<string, ResourceKey>> {
  const resources: Record<string, Record<string, ResourceKey>> = {};
  for (const [file, content] of Object.entries(core)) {
    const [, lng, ns] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file) ?? [];
    if (!lng || !ns) continue;
    resources[lng] ??= {};
    resources[lng][ns] = content;
  }
  return resources;
}

/**
 * Loads a module's namespace on first use, and the core namespaces of a language other than the
 * default; an unknown namespace yields no strings, not an error.
 */
const moduleBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load =
      otherCore[`./locales/${language}/${namespace}.json`] ??
      moduleLocales[`../modules/${namespace}/locales/${language}.json`];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (m) => callback(null, m.default),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), null),
    );
  },
};

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/**
 * Starts i18next once for both apps. Resolves when the core strings are ready, so the first
 * render never shows raw keys.
 */
export async function initI18n(): Promise<typeof i18next> {
  if (i18next.isInitialized) return i18next;
  i18next.on('languageChanged', applyLanguage);
  await i18next
    .use(moduleBackend)
    .use(initReactI18next)
    .init({
      lng: storedLanguage(),
      fallbackLng: LANGUAGES[0],
      supportedLngs: [...LANGUAGES],
      load: 'currentOnly',
      resources: coreResources(),
      partialBundledLanguages: true,
      ns: [...CORE_NAMESPACES],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
    });
  applyLanguage(i18next.language);
  return i18next;
}

/** Switches the UI language everywhere (listeners update antd, dayjs and `<html lang>`). */
export async function changeLanguage(lng: TLanguage): Promise<void> {
  await i18next.changeLanguage(lng);
}
