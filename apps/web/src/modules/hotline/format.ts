import {
  DEFAULT_HOTLINE_CATEGORIES,
  HOTLINE_CLOSE_REASONS,
  HOTLINE_STATES,
  HOTLINE_URGENCIES,
  HOTLINE_VISIBILITIES,
} from '@lifeline/shared';
import { toLanguage } from '../../i18n/languages';
import type { THotlineCategory } from './api';

type Labelled = { readonly code: string; readonly zh: string; readonly en: string };

function label(list: readonly Labelled[], code: string | null | undefined, lang: string): string {
  if (!code) return '';
  const found = list.find((l) => l.code === code);
  if (!found) return code;
  return toLanguage(lang) === 'en' ? found.en : found.zh;
}

/** A state's label as the shared table names it (待受理 / Submitted …). */
export const stateLabel = (code: string, lang: string) => label(HOTLINE_STATES, code, lang);
export const urgencyLabel = (code: string, lang: string) => label(HOTLINE_URGENCIES, code, lang);
export const visibilityLabel = (code: string, lang: string) => label(HOTLINE_VISIBILITIES, code, lang);
export const closeReasonLabel = (code: string | null, lang: string) =>
  label(HOTLINE_CLOSE_REASONS, code, lang);

/**
 * A category's name: from the settings the server sent, else the defaults, else the code (a
 * retired category still names old items).
 */
export function categoryLabel(
  code: string,
  categories: readonly THotlineCategory[] | undefined,
  lang: string,
): string {
  return label([...(categories ?? []), ...DEFAULT_HOTLINE_CATEGORIES], code, lang);
}

const ZONE = 'Asia/Shanghai';

/** A moment (ISO) as a Beijing date and time, short. */
export function dateTime(value: string | null | undefined, lang: string): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return d.toLocaleString(lang, {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/** A moment (ISO) as its Beijing date. */
export function dateOnly(value: string | null | undefined, lang: string): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return d.toLocaleDateString(lang, { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
}

/** States after which nothing is due from the unit any more. */
const SETTLED = new Set(['answered', 'confirmed', 'closed']);

/** The deadline that matters now: accepting while submitted, else answering; none once answered. */
export function currentDue(item: {
  state: string;
  acceptDue: string | null;
  answerDue: string | null;
}): { kind: 'accept' | 'answer'; at: string } | null {
  if (SETTLED.has(item.state)) return null;
  if (item.state === 'submitted' && item.acceptDue) return { kind: 'accept', at: item.acceptDue };
  if (item.answerDue) return { kind: 'answer', at: item.answerDue };
  return null;
}

/** A size in megabytes with at most one decimal, rounded up, so a file over 8 MB never reads "8". */
export function megabytes(bytes: number): string {
  return String(Math.ceil((bytes / (1024 * 1024)) * 10) / 10);
}
