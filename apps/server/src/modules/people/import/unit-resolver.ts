import type { Db } from '../../../platform/db/types.js';
import { isDissolved, orgUnits } from '../../org-units/index.js';

type Unit = {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  path: string;
  dissolvedOn: string | null;
};
/** A row's unit, or why the text names none the importer may use (in Chinese, for the report). */
export type UnitMatch = { unit: Unit; error?: undefined } | { unit?: undefined; error: string };

/** A name as compared: full-width forms folded, spaces removed (炼铁厂（生产）党支部 = 炼铁厂(生产)党支部). */
const fold = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
/** Separators of a path of names: 板材公司党委/炼铁厂党委, 板材公司党委>炼铁厂党委, 板材公司党委\炼铁厂党委. */
const SEPARATOR = /\s*[/>\\|]\s*/;

/**
 * Finds the unit a roster row names: by its code, by its full name (or short name), or by a
 * path of names ending with it (`板材公司党委/炼铁厂党委`, the top units may be left out), as
 * HR's spreadsheets give it. Of the units a name fits, those in the importer's scope and not
 * dissolved count: one is the unit; several make the row's error, listing them with their
 * codes and paths, so that the file can say which; none in scope is "not in your scope"
 * (without naming units outside it). Answers are kept per text: a roster names few units.
 */
export async function unitResolver(db: Db, scopePaths: readonly string[], today: string) {
  const all: Unit[] = await db
    .select({
      id: orgUnits.id,
      code: orgUnits.code,
      name: orgUnits.name,
      shortName: orgUnits.shortName,
      path: orgUnits.path,
      dissolvedOn: orgUnits.dissolvedOn,
    })
    .from(orgUnits);
  const byId = new Map(all.map((u) => [u.id, u]));
  const byCode = new Map(all.map((u) => [u.code, u]));
  const byCodeFolded = new Map(all.map((u) => [fold(u.code).toUpperCase(), u]));
  const byName = new Map<string, Unit[]>();
  const addName = (name: string, u: Unit) => {
    const list = byName.get(name) ?? [];
    if (!list.includes(u)) list.push(u);
    byName.set(name, list);
  };
  for (const u of all) {
    addName(fold(u.name), u);
    if (u.shortName) addName(fold(u.shortName), u);
  }
  const inScope = (u: Unit) => scopePaths.some((p) => u.path.startsWith(p));
  /** The unit's ancestors, nearest first. */
  const ancestors = (u: Unit) =>
    u.path
      .split('/')
      .filter(Boolean)
      .map(Number)
      .filter((id) => id !== u.id)
      .reverse()
      .flatMap((id) => byId.get(id) ?? []);
  const named = (u: Unit, name: string) =>
    fold(u.name) === name || (u.shortName !== null && fold(u.shortName) === name);
  const pathOf = (u: Unit) => [...ancestors(u).reverse(), u].map((a) => a.name).join('/');
  const cache = new Map<string, UnitMatch>();

  const resolve = (text: string): UnitMatch => {
    const code = byCode.get(text) ?? byCodeFolded.get(fold(text).toUpperCase());
    if (code) return check(code, text);
    const names = fold(text).split(SEPARATOR).filter(Boolean);
    if (!names.length) return { error: `找不到单位：${text}` };
    // Units with the last name whose ancestors, nearest first, carry the names before it in order.
    const fits = (byName.get(names[names.length - 1]) ?? []).filter((u) => {
      const up = ancestors(u);
      let at = 0;
      for (let i = names.length - 2; i >= 0; i -= 1) {
        while (at < up.length && !named(up[at], names[i])) at += 1;
        if (at >= up.length) return false;
        at += 1;
      }
      return true;
    });
    if (!fits.length)
      return { error: `找不到单位：${text}（可填写单位编码、单位全称，或“上级单位/本单位”路径）` };
    const mine = fits.filter(inScope);
    if (!mine.length) return { error: `单位 ${text} 不在您的管理范围内` };
    const standing = mine.filter((u) => !isDissolved(u.dissolvedOn, today));
    if (!standing.length) return { error: `单位 ${text} 已撤销` };
    if (standing.length > 1) {
      const listed = standing
        .sort((a, b) => (a.code < b.code ? -1 : 1))
        .slice(0, 5)
        .map((u) => `${u.code} ${pathOf(u)}`)
        .join('；');
      return {
        error: `单位名称“${text}”对应 ${standing.length} 个单位（${listed}${standing.length > 5 ? '；…' : ''}），请填写单位编码或带上级单位的路径`,
      };
    }
    return { unit: standing[0] };
  };
  const check = (u: Unit, text: string): UnitMatch => {
    if (!inScope(u)) return { error: `单位 ${text} 不在您的管理范围内` };
    if (isDissolved(u.dissolvedOn, today)) return { error: `单位 ${text} 已撤销` };
    return { unit: u };
  };

  return (text: string): UnitMatch => {
    let match = cache.get(text);
    if (!match) {
      match = resolve(text);
      cache.set(text, match);
    }
    return match;
  };
}
