import {
  DEFAULT_HOTLINE_CATEGORIES,
  HOTLINE_CLOSE_REASONS,
  HOTLINE_STATES,
  HOTLINE_URGENCIES,
  HOTLINE_VISIBILITIES,
} from '@lifeline/shared';
import { BEIJING, beijingDate, beijingDateTime, labelOf } from '../../i18n/format';
import type { THotlineCategory } from './api';

const label = labelOf;

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

const BEIJING_DAY = { timeZone: BEIJING, year: 'numeric', month: '2-digit', day: '2-digit' } as const;
const BEIJING_MINUTE = { timeZone: BEIJING, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/**
 * A moment (ISO) as a Beijing date and time, short (2026/05/12 14:30), whatever the device's own
 * zone: the hotline's deadlines and times are Beijing's on the phone and on the desk alike.
 */
export const dateTime = beijingDateTime;

/** A moment's Beijing date and time of day apart, for a narrow column (two lines). */
export function dateAndTime(value: string | null | undefined, lang: string): [string, string] {
  if (!value) return ['', ''];
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return [value, ''];
  return [d.toLocaleDateString(lang, BEIJING_DAY), d.toLocaleTimeString(lang, BEIJING_MINUTE)];
}

/** A moment (ISO) as its Beijing date, in digits. */
export const dateOnly = (value: string | null | undefined, lang: string) => beijingDate(value, lang, 'short');

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
