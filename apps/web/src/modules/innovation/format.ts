import {
  AWARD_TIERS,
  CHANGE_KINDS,
  INNOVATION_CATEGORIES,
  INNOVATION_LEVELS,
  type TProjectState,
} from '@lifeline/shared';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../admin-kit/labels';

/** Money travels in fen (integer); people read and type yuan. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** The colour of a state's tag: grey drafts, blue in progress, green good outcomes, red refusals. */
export const STATE_COLORS: Record<TProjectState, string> = {
  draft: 'default',
  late_requested: 'orange',
  submitted: 'processing',
  returned: 'warning',
  rejected: 'error',
  shortlisted: 'cyan',
  declined: 'error',
  approved: 'success',
  suspended: 'warning',
  terminated: 'default',
  completed: 'purple',
};

/**
 * The module's labels in the UI language: workflow states and actions from the locale files,
 * levels, categories, change kinds and award tiers from their shared lists, and money in yuan.
 */
export function useInnovationLabels() {
  const { t, i18n } = useTranslation('innovation');
  const labels = useLabels();
  const money = new Intl.NumberFormat(i18n.language, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  });
  return {
    lang: labels.lang,
    lateTag: t('lateTag'),
    state: (s: string | null | undefined) => (s ? t(`states.${s}`, { defaultValue: s }) : ''),
    action: (a: string) => t(`actions.${a}`, { defaultValue: a }),
    /** An event of the history: transitions, decisions and change requests. */
    event: (a: string) => t(`events.${a}`, { defaultValue: t(`actions.${a}`, { defaultValue: a }) }),
    phase: (p: string) => t(`phases.${p}`, { defaultValue: p }),
    window: (w: string) => t(`windows.${w}`, { defaultValue: w }),
    level: (code: string | null | undefined) => labels.label(INNOVATION_LEVELS, code),
    category: (code: string | null | undefined) => labels.label(INNOVATION_CATEGORIES, code),
    changeKind: (code: string) => labels.label(CHANGE_KINDS, code),
    tier: (code: string) => labels.label(AWARD_TIERS, code),
    levelOptions: (codes?: readonly string[]) =>
      labels.options(INNOVATION_LEVELS).filter((o) => !codes || codes.includes(o.value)),
    categoryOptions: () => labels.options(INNOVATION_CATEGORIES),
    /** Fen as yuan with the currency sign, e.g. ¥12,000. */
    money: (fen: number | null | undefined) =>
      fen == null ? t('admin-kit:none') : money.format(fenToYuan(fen)),
  };
}

export type InnovationLabels = ReturnType<typeof useInnovationLabels>;

/** A business date as the reader writes it (the API sends YYYY-MM-DD). */
export function formatDay(value: string | null | undefined, lang: string): string {
  if (!value) return '';
  const [y, m, d] = value.split('-').map(Number);
  if (!y || !m || !d) return value;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(lang, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  });
}

/** A file size for people: 532 KB, 1.4 MB. */
export function formatSize(bytes: number, lang: string): string {
  const fmt = (n: number) => n.toLocaleString(lang, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} KB`;
  return `${fmt(bytes / 1024 / 1024)} MB`;
}
