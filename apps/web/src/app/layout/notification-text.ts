import { CHANGE_KINDS, HOTLINE_STATES, type TNotification } from '@lifeline/shared';
import type { i18n as I18n, TFunction } from 'i18next';
import { beijingDate, beijingDateTime, beijingTime, sameBeijingDay } from '../../i18n/format';
import { toLanguage } from '../../i18n/languages';

// Pure wording of the inbox, without antd: the desktop bell and the phone inbox both use it.

/** A param as text: numbers as they are, null as nothing. */
function text(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** A state named in a notice, in the UI language: hotline items, change requests, projects. */
function stateLabel(t: TFunction, kind: string, state: string, lang: string): string {
  if (kind.startsWith('hotline.')) {
    const s = HOTLINE_STATES.find((x) => x.code === state);
    return s ? (lang === 'en' ? s.en : s.zh) : state;
  }
  const group = kind === 'innovation.change_decided' ? 'changeStates' : 'projectStates';
  return t(`shell:notifications.${group}.${state}`, { defaultValue: state });
}

/**
 * The sentence of a notice in the UI language, from its kind and params. A kind this version
 * does not know (a newer server) gets a generic sentence rather than a raw key.
 */
export function notificationText(
  t: TFunction,
  i18n: I18n,
  n: Pick<TNotification, 'kind' | 'params'>,
): string {
  const lang = toLanguage(i18n.language);
  const key = `shell:notifications.kinds.${n.kind}`;
  const p = n.params;
  const state = text(p.state);
  const changeKind = CHANGE_KINDS.find((c) => c.code === p.kind);
  const values = {
    code: text(p.code),
    title: text(p.title),
    milestone: text(p.milestone),
    dueOn: text(p.dueOn),
    cycle: text(p.cycle),
    id: text(p.id),
    name: text(p.name),
    due: p.due ? beijingDateTime(String(p.due), lang === 'en' ? 'en' : 'zh-CN') : '',
    year: text(p.year),
    state: stateLabel(t, n.kind, state, lang),
    kind: changeKind ? (lang === 'en' ? changeKind.en : changeKind.zh) : text(p.kind),
  };
  const known = /^[a-z_]+\.[a-z_]+$/.test(n.kind) && i18n.exists(key);
  return known ? t(key, values) : t('shell:notifications.generic');
}

/** When a notice came, short, on the Beijing clock: the time today, the date otherwise. */
export function notificationTime(value: string, lang: string, now = new Date()): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return sameBeijingDay(d, now) ? beijingTime(value, lang) : beijingDate(value, lang, 'short');
}
