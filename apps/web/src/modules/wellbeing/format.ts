import { optionRange, standardScore, type TInstrumentDefinition, type TScoreResult } from '@lifeline/shared';
import { bilingual } from '../../i18n/format';
import { toLanguage } from '../../i18n/languages';

/** A bilingual text of a definition or setting, in the UI language. */
export const pick = bilingual;

/** The language code `consentText()` takes. */
export function consentLanguage(lang: string): 'zh' | 'en' {
  return toLanguage(lang) === 'en' ? 'en' : 'zh';
}

/** A moment (ISO timestamp) as its day in Shanghai. */
/** A moment with its time of day, for lists where two entries can share a day. */
/** A short day for the chart's axis (5/12). */
export {
  beijingDate as momentDay,
  beijingDayAndTime as momentDateTime,
  beijingMonthDay as shortDay,
} from '../../i18n/format';
/** The coach kind in the UI language. */
export { coachKindLabel } from '../counselling/format';

/** The lowest and highest standard score a sum scale can give. */
export function scoreRange(def: TInstrumentDefinition): { min: number; max: number } | null {
  if (def.scoring.kind !== 'total') return null;
  const { min, max } = optionRange(def);
  const n = def.items.length;
  const { multiplier, rounding } = def.scoring;
  return {
    min: standardScore(n * min, multiplier, rounding),
    max: standardScore(n * max, multiplier, rounding),
  };
}

/** The highest score a dimension of a profile instrument can reach (its items × the top option). */
export function dimensionMax(def: TInstrumentDefinition | undefined, dimension: string): number | null {
  if (!def) return null;
  const items = def.items.filter((i) => i.dimension === dimension).length;
  return items > 0 ? items * optionRange(def).max : null;
}

/** The band's label from the definition, or its code when the definition is gone (a retired scale). */
export function bandLabel(def: TInstrumentDefinition | undefined, band: string, lang: string): string {
  if (def?.scoring.kind !== 'total') return band;
  const found = def.scoring.norms.bands.find((b) => b.code === band);
  return found ? pick(found.label, lang) : band;
}

/** The band's position from mildest (0) to most serious (1), for its colour. */
export function bandSeverity(def: TInstrumentDefinition | undefined, band: string): number {
  if (def?.scoring.kind !== 'total') return 0;
  const bands = [...def.scoring.norms.bands].sort((a, b) => a.from - b.from);
  const i = bands.findIndex((b) => b.code === band);
  return i <= 0 || bands.length < 2 ? 0 : i / (bands.length - 1);
}

/** The bands we have written plain-words explanations for, by instrument. */
const EXPLAINED: Record<string, { group: string; bands: readonly string[] }> = {
  sas: { group: 'zung', bands: ['normal', 'mild', 'moderate', 'severe'] },
  sds: { group: 'zung', bands: ['normal', 'mild', 'moderate', 'severe'] },
  phq9: { group: 'phq9', bands: ['minimal', 'mild', 'moderate', 'moderately_severe', 'severe'] },
  gad7: { group: 'gad7', bands: ['minimal', 'mild', 'moderate', 'severe'] },
};

/** The i18n key of a band's explanation (in the `wellbeing` namespace), or null for an uploaded scale. */
export function explanationKey(instrument: string, band: string): string | null {
  const e = EXPLAINED[instrument];
  return e?.bands.includes(band) ? `explain.${e.group}.${band}` : null;
}

/**
 * Whether the care path shows for a result scored here: a severe band or any flag (the server
 * answers `care` itself for a stored result; this is the same rule for a self-check).
 */
export function needsCare(result: TScoreResult): boolean {
  return result.flags.length > 0 || (result.kind === 'total' && result.band === 'severe');
}

/** A phone number as a tel: link (digits and a leading +). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/**
 * Who is taking a scale: a logged-in member (consent, kept results, drafts, the one-click
 * consultation) or anyone on the public self-check (nothing kept, no account features).
 */
export type TAudience = 'member' | 'public';
