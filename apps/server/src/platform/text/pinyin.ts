import { pinyin } from 'pinyin-pro';

/**
 * Sort and search keys (syllables joined without spaces, so that typing "zhangsan" finds 张三 by prefix) for Chinese names. PGlite has no ICU collation, so names are ordered by
 * a stored pinyin key on both engines. Surnames with special readings (单 shan, 曾 zeng) are read as surnames.
 */
export function pinyinKey(name: string, isPersonName = true): string {
  return pinyin(name, { toneType: 'none', type: 'array', v: true, surname: isPersonName ? 'head' : 'off' })
    .join('')
    .toLowerCase();
}

/** First letters of each syllable: 张三丰 → zsf. */
export function pinyinInitials(name: string, isPersonName = true): string {
  return pinyin(name, {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    v: true,
    surname: isPersonName ? 'head' : 'off',
  })
    .join('')
    .toLowerCase();
}
