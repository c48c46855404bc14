import type { TRole } from '@lifeline/shared';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../i18n/languages';

/** A value list from the shared package: a code with its Chinese and English labels. */
export type LabelledCode = { readonly code: string; readonly zh: string; readonly en: string };

/**
 * Labels for the shared value lists (political status, positions, …) in the UI language. The
 * lists carry both languages in packages/shared, where the import template reads them too.
 */
export function useLabels() {
  const { t, i18n } = useTranslation('common');
  const lang = toLanguage(i18n.language);
  const pick = (item: { zh: string; en: string }) => (lang === 'en' ? item.en : item.zh);
  return {
    lang,
    /** The label of a code, or the code itself when a newer server sends one we do not know. */
    label: (list: readonly LabelledCode[], code: string | null | undefined): string => {
      const item = code ? list.find((i) => i.code === code) : undefined;
      return item ? pick(item) : (code ?? '');
    },
    /** Select options of a list, in its order. */
    options: (list: readonly LabelledCode[]) => list.map((i) => ({ value: i.code, label: pick(i) })),
    /** A unit type's name (types are data: `{nameZh, nameEn}`). */
    typeName: (type: { nameZh: string; nameEn: string } | undefined, code: string): string =>
      type ? (lang === 'en' ? type.nameEn : type.nameZh) : code,
    role: (role: TRole | string) => t(`common:roles.${role}`, { defaultValue: role }),
  };
}
