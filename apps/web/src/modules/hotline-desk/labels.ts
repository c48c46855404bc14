import {
  DEFAULT_HOTLINE_CATEGORIES,
  HOTLINE_CLOSE_REASONS,
  HOTLINE_STATES,
  HOTLINE_URGENCIES,
  HOTLINE_VISIBILITIES,
  type THotlineState,
  type THotlineUrgency,
} from '@lifeline/shared';
import { useMemo } from 'react';
import { useLabels } from '../admin-kit/labels';
import { useCategories } from './api';

/** Tag colours of the states: open work in blue and orange, done in green, closed in grey. */
export const STATE_COLORS: Record<THotlineState, string> = {
  submitted: 'gold',
  accepted: 'blue',
  in_progress: 'processing',
  waiting_reporter: 'purple',
  answered: 'cyan',
  reopened: 'volcano',
  confirmed: 'green',
  closed: 'default',
};

export const URGENCY_COLORS: Record<THotlineUrgency, string> = {
  normal: 'default',
  urgent: 'orange',
  immediate: 'red',
};

/**
 * The hotline's labels in the UI language: states, urgencies, visibilities and close reasons
 * from packages/shared; categories from the settings (active ones), falling back to the
 * defaults and then to the code itself for a retired category.
 */
export function useHotlineLabels() {
  const labels = useLabels();
  const categories = useCategories();
  const categoryList = useMemo(() => {
    const list: { code: string; zh: string; en: string }[] = [...(categories.data ?? [])];
    for (const d of DEFAULT_HOTLINE_CATEGORIES) if (!list.some((c) => c.code === d.code)) list.push(d);
    return list;
  }, [categories.data]);
  return {
    lang: labels.lang,
    state: (code: string) => labels.label(HOTLINE_STATES, code),
    urgency: (code: string) => labels.label(HOTLINE_URGENCIES, code),
    visibility: (code: string) => labels.label(HOTLINE_VISIBILITIES, code),
    closeReason: (code: string | null) => labels.label(HOTLINE_CLOSE_REASONS, code),
    category: (code: string | null | undefined) => labels.label(categoryList, code),
    stateOptions: () => labels.options(HOTLINE_STATES),
    urgencyOptions: () => labels.options(HOTLINE_URGENCIES),
    /** The active categories as options (the ones a new item or a transfer may take). */
    categoryOptions: () => labels.options(categories.data ?? DEFAULT_HOTLINE_CATEGORIES),
  };
}

/**
 * A timestamp as a short date and time in the reader's language, on the Beijing clock whatever
 * the browser's zone: the same formatter as the phone pages, so the desk and the phone agree.
 */
/** A timestamp's Beijing date and time apart, for a narrow column (two lines). */
export { dateAndTime as splitMinute, dateTime as formatMinute } from '../hotline/format';

/** A share (0–1) as a percentage with one decimal, or null. */
export function percent(value: number | null | undefined, lang: string): string | null {
  if (value === null || value === undefined) return null;
  return `${(value * 100).toLocaleString(lang, { maximumFractionDigits: 1 })}%`;
}
