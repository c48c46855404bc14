import { idCardCheckChar } from '@lifeline/shared';
import { optionCode, parseDate, type RosterColumn } from '../people-excel.js';

/**
 * The words HR's own spreadsheets use for the template's enumerated values, per column, beside
 * the template's labels (中共党员), the English labels and the codes that `optionCode` reads.
 * Only words that mean one value are listed: 研究生 is a master's degree in HR's usage (a
 * doctorate is written 博士); 无党派人士 is not 群众 and stays an error.
 */
export const VALUE_ALIASES: Partial<Record<RosterColumn['key'], Record<string, string>>> = {
  gender: { 男性: 'male', 女性: 'female', m: 'male', f: 'female', 男士: 'male', 女士: 'female' },
  politicalStatus: {
    党员: 'party_member',
    共产党员: 'party_member',
    中共正式党员: 'party_member',
    正式党员: 'party_member',
    中国共产党党员: 'party_member',
    中共党员正式: 'party_member',
    预备党员: 'probationary_member',
    中国共产党预备党员: 'probationary_member',
    积极分子: 'activist',
    团员: 'league_member',
    共青团员: 'league_member',
    中国共产主义青年团团员: 'league_member',
    民革党员: 'democratic_party',
    民盟盟员: 'democratic_party',
    民建会员: 'democratic_party',
    民进会员: 'democratic_party',
    农工党党员: 'democratic_party',
    致公党党员: 'democratic_party',
    九三学社社员: 'democratic_party',
    台盟盟员: 'democratic_party',
    普通群众: 'masses',
  },
  employmentStatus: {
    在岗: 'active',
    在职在岗: 'active',
    已退休: 'retired',
    离退休: 'retired',
    离休: 'retired',
    调离: 'transferred_out',
    已调出: 'transferred_out',
    辞职: 'resigned',
    已离职: 'resigned',
    解除劳动合同: 'resigned',
    死亡: 'deceased',
    已故: 'deceased',
    病故: 'deceased',
    已去世: 'deceased',
  },
  education: {
    博士: 'doctorate',
    博士研究生: 'doctorate',
    硕士: 'master',
    研究生: 'master',
    本科: 'bachelor',
    大学: 'bachelor',
    专科: 'college',
    大专: 'college',
    中专: 'secondary',
    高中: 'secondary',
    中技: 'secondary',
    技校: 'secondary',
    职高: 'secondary',
    初中: 'primary',
    小学: 'primary',
  },
  cadreRank: {
    正局级: 'bureau',
    正处级: 'division',
    正科级: 'section',
    副局: 'deputy_bureau',
    副处: 'deputy_division',
    副科: 'deputy_section',
  },
  positions: {
    支部书记: 'secretary',
    党支部书记: 'secretary',
    支部副书记: 'deputy_secretary',
    党支部副书记: 'deputy_secretary',
    支委: 'committee_member',
    支部委员: 'committee_member',
    党小组组长: 'group_leader',
    小组长: 'group_leader',
  },
};

/** A value as compared with the aliases: full-width forms folded, spaces removed, lower case. */
const fold = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const FOLDED = new Map(
  Object.entries(VALUE_ALIASES).map(([key, aliases]) => [
    key,
    new Map(Object.entries(aliases).map(([alias, code]) => [fold(alias), code])),
  ]),
);

/**
 * The code of an enumerated value: the template's label, English label or code (`optionCode`),
 * then the same after folding full-width forms and spaces (中共 党员), then an alias of HR's.
 */
export function valueCode(col: RosterColumn, raw: string): string | undefined {
  const direct = optionCode(col.options!, raw);
  if (direct) return direct;
  const folded = fold(raw);
  return (
    col.options!.find((o) => fold(o.zh) === folded || fold(o.en) === folded || o.code === folded)?.code ??
    FOLDED.get(col.key)?.get(folded)
  );
}

/**
 * A date written as HR writes it: what `parseDate` reads (2026-01-05, 2026/1/5, 2026.1.5,
 * 2026年1月5日, 20260105), also with full-width digits or spaces, 号 for 日, with a time of day
 * after it (2026-01-05 00:00:00, as databases export), or as an Excel serial number kept as text
 * (a date column formatted as text after the dates were typed shows 46027).
 */
export function dateValue(raw: string): string | null {
  const direct = parseDate(raw);
  if (direct) return direct;
  const text = raw
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(\S+)(\s+|T)\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '$1')
    .replace(/\s+/g, '')
    .replace(/号$/, '日');
  if (/^\d{5}$/.test(text)) {
    const serial = Number(text);
    if (serial > 1 && serial < 80_000)
      return new Date(Math.round((serial - 25_569) * 86_400_000)).toISOString().slice(0, 10);
  }
  return text === raw ? null : parseDate(text);
}

/**
 * An ID-card number as HR has it: full-width digits and spaces folded, x as X, and a 15-digit
 * number of the first generation (issued until 2004, birth year in two digits, always 19xx,
 * no check character) converted to its 18-digit form as GB 11643-1999 says: 19 inserted before
 * the year and the check character appended. The 18-digit form is what is stored and matched,
 * so a person registered under either is found under both. Anything else is left for the
 * rules to judge.
 */
export function idCardValue(raw: string): string {
  const id = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (!/^\d{15}$/.test(id)) return id;
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  return first17 + idCardCheckChar(first17);
}

/**
 * A mobile number as HR writes it: full-width digits folded, spaces and hyphens removed, and
 * a leading +86 / 0086 / 86 dropped when eleven digits remain (138 1111 0001, +86-13811110001).
 */
export function phoneValue(raw: string): string {
  const phone = raw.normalize('NFKC').replace(/[\s-]+/g, '');
  const national = /^(?:\+86|0086|86)(1\d{10})$/.exec(phone);
  return national ? national[1] : phone;
}
