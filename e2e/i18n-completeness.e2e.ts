import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CODES } from '@lifeline/shared';
import { describe, expect, it } from 'vitest';

// Not a browser journey, but it guards what every journey shows: both languages complete.
const web = path.resolve(import.meta.dirname, '../apps/web/src');
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full.replace(PLURAL, ''), value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function read(file: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(file, 'utf8')) as Tree);
}

/** Every translation file as [label, zh-CN file, en file]. */
function localePairs(): [string, string, string][] {
  const core = path.join(web, 'i18n/locales');
  const pairs: [string, string, string][] = readdirSync(path.join(core, 'zh-CN')).map((f) => [
    `core ${f}`,
    path.join(core, 'zh-CN', f),
    path.join(core, 'en', f),
  ]);
  for (const mod of readdirSync(path.join(web, 'modules'), { withFileTypes: true })) {
    if (!mod.isDirectory()) continue;
    const dir = path.join(web, 'modules', mod.name, 'locales');
    pairs.push([`module ${mod.name}`, path.join(dir, 'zh-CN.json'), path.join(dir, 'en.json')]);
  }
  return pairs;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(path.join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [path.join(dir, e.name)]
        : [],
  );
}

describe('translations', () => {
  it.each(localePairs())('%s has the same keys in zh-CN and en, none empty', (_label, zhFile, enFile) => {
    const zh = read(zhFile);
    const en = read(enFile);
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, value] of [...zh, ...en]) expect(value.trim(), key).not.toBe('');
  });

  it('has a message for every API error code in both languages', () => {
    for (const lng of ['zh-CN', 'en']) {
      const errors = read(path.join(web, 'i18n/locales', lng, 'errors.json'));
      for (const code of ERROR_CODES)
        expect(errors.has(`codes.${code}`), `${lng} errors:codes.${code}`).toBe(true);
    }
  });

  it('keeps Chinese text out of the source code (it belongs in the locale files)', () => {
    // Comments may name things in Chinese; only code counts.
    const code = (f: string) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const offenders = sourceFiles(web).filter((f) => /[\u4e00-\u9fff]/.test(code(f)));
    expect(offenders.map((f) => path.relative(web, f))).toEqual([]);
  });
});
