import { AWARD_TIERS, COMMENDATION_KINDS, INNOVATION_CATEGORIES, INNOVATION_LEVELS } from '@lifeline/shared';
import { toLanguage } from '../../i18n/languages';

type Labelled = readonly { readonly code: string; readonly zh: string; readonly en: string }[];

/** A shared value list's label in the UI language; a code we do not know is shown as it is. */
function label(list: Labelled, code: string | null | undefined, lang: string): string {
  const item = code ? list.find((i) => i.code === code) : undefined;
  if (!item) return code ?? '';
  return toLanguage(lang) === 'en' ? item.en : item.zh;
}

export const levelLabel = (code: string | null, lang: string) => label(INNOVATION_LEVELS, code, lang);
export const categoryLabel = (code: string, lang: string) => label(INNOVATION_CATEGORIES, code, lang);
export const tierLabel = (code: string, lang: string) => label(AWARD_TIERS, code, lang);
export const kindLabel = (code: string, lang: string) => label(COMMENDATION_KINDS, code, lang);
/** The commendation kinds in the order the conference reads them out. */
export const KIND_ORDER: readonly string[] = COMMENDATION_KINDS.map((k) => k.code);

/** Money is integer fen on the wire; phones show yuan with the plain sign, grouped per language. */
export function yuan(fen: number, lang: string): string {
  return `¥${(fen / 100).toLocaleString(lang, { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;
}

/** A business day (YYYY-MM-DD, Asia/Shanghai) as the reader writes dates. */
export function day(value: string | null | undefined, lang: string): string {
  if (!value) return '';
  const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return value;
  return d.toLocaleDateString(lang, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
}

/** A moment (ISO timestamp) as its day in Shanghai. */
export function momentDay(value: string | null | undefined, lang: string): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return d.toLocaleDateString(lang, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}
