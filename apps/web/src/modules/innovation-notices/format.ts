import { AWARD_TIERS, COMMENDATION_KINDS, INNOVATION_CATEGORIES, INNOVATION_LEVELS } from '@lifeline/shared';
import { labelOf } from '../../i18n/format';

const label = labelOf;

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
/** A moment (ISO timestamp) as its day in Shanghai. */
export { beijingDate as momentDay, businessDay as day } from '../../i18n/format';
