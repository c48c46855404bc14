/** The languages the UI is complete in; the first is the default for new visitors. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type TLanguage = (typeof LANGUAGES)[number];

/** The localStorage key the choice of language is kept under, so it survives reloads. */
export const LANGUAGE_STORAGE_KEY = 'lifeline.lang';

/**
 * Namespaces every page may use; module namespaces are loaded on demand. `tiles` holds the names
 * of the phone's services, so that the home page's tiles and a module's title bar load no
 * module's strings (four of them cost a phone ~15 kB on the wire).
 */
export const CORE_NAMESPACES = ['common', 'errors', 'auth', 'shell', 'tiles'] as const;

/** Narrows any string to a supported language, so a stale or forged stored value is harmless. */
export function toLanguage(value: string | null | undefined): TLanguage {
  return LANGUAGES.find((l) => l === value) ?? LANGUAGES[0];
}

/** The language remembered on this device, or the default (storage may be unavailable). */
export function storedLanguage(): TLanguage {
  try {
    return toLanguage(localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return LANGUAGES[0];
  }
}
