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

/**
 * The pinyin sort key and initials of a person's name, equal to `pinyinKey(name)` and
 * `pinyinInitials(name)` (above, whose options these are) from one reading
 * of the name instead of two: the initials are the first letters of the key's syllables
 * (characters without pinyin are kept whole, as pinyin-pro does). Reading pinyin is the
 * dearest step of a large import after encryption.
 */
export function namePinyin(name: string): { key: string; initials: string } {
  const options = { toneType: 'none', type: 'array', v: true, surname: 'head' } as const;
  const syllables = pinyin(name, options);
  const key = syllables.join('').toLowerCase();
  const chars = Array.from(name);
  if (syllables.length !== chars.length) {
    // Not one syllable per character: ask pinyin-pro for the initials, as pinyinInitials does.
    return {
      key,
      initials: pinyin(name, { ...options, pattern: 'first' })
        .join('')
        .toLowerCase(),
    };
  }
  let initials = '';
  for (let i = 0; i < syllables.length; i += 1) {
    const s = syllables[i];
    initials +=
      s === chars[i]
        ? s
        : s
            .split(' ')
            .map((part) => part[0] ?? '')
            .join(' ');
  }
  return { key, initials: initials.toLowerCase() };
}
