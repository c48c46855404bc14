import { describe, expect, it } from 'vitest';
import { namePinyin, pinyinInitials, pinyinKey } from '../../../platform/text/pinyin.js';
import { parseDate } from '../people-excel.js';

describe('speed-ups of the row checks keep their answers', () => {
  it('reads a name’s pinyin key and initials at once, as pinyinKey and pinyinInitials do', () => {
    const names = [
      '欧阳晓峰',
      '单于',
      '曾国藩',
      '尉迟恭',
      '长孙无忌',
      '张三丰',
      '吕布',
      '女娲',
      '一不',
      '嗯',
    ];
    names.push('A张三', '张三A', '张 三', '张·三', 'Zhang San', '黄AB李', '王-五', '李ü', '𠀀𠀁', '〇', '');
    // A spread of the CJK unified ideographs, alone and after a surname.
    for (let c = 0x4e00; c <= 0x9fa5; c += 37)
      names.push(String.fromCodePoint(c), `张${String.fromCodePoint(c)}`);
    for (const name of names) {
      expect(namePinyin(name), name).toEqual({ key: pinyinKey(name), initials: pinyinInitials(name) });
    }
  });

  it('checks YYYY-MM-DD dates as Date would', () => {
    const reference = (text: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)!;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const date = new Date(Date.UTC(y, mo - 1, d));
      if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
        return null;
      return date.toISOString().slice(0, 10);
    };
    for (const y of [0, 50, 99, 100, 1899, 1900, 1996, 2000, 2024, 2100, 9999]) {
      for (let mo = 0; mo <= 13; mo += 1) {
        for (let d = 0; d <= 32; d += 1) {
          const text = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(parseDate(text), text).toBe(reference(text));
        }
      }
    }
    expect(parseDate('2020/1/5')).toBe('2020-01-05');
    expect(parseDate('2020年1月5日')).toBe('2020-01-05');
  });
});
