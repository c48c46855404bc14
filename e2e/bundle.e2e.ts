import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Phones must never download Ant Design: walk the build's chunk graph from the mobile app.
const dist = path.resolve(import.meta.dirname, '../apps/web/dist');

type Chunk = { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[] };
type Manifest = Record<string, Chunk>;

/**
 * Every chunk an app can load from `start`. The entry's own dynamic imports are the switch
 * between the two apps, so they are not followed.
 */
function closure(manifest: Manifest, start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the manifest`);
    const dynamic = key === 'index.html' ? [] : (chunk.dynamicImports ?? []);
    for (const next of [...(chunk.imports ?? []), ...dynamic]) visit(next);
  };
  visit(start);
  return seen;
}

describe('web build', () => {
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const files = (keys: Iterable<string>) => [...keys].map((k) => manifest[k].file);

  it('keeps antd out of everything the mobile app can load', () => {
    const mobile = files(closure(manifest, 'src/mobile/mobile-app.tsx'));
    expect(mobile.filter((f) => /antd/.test(f))).toEqual([]);
    for (const file of mobile) {
      const code = readFileSync(path.join(dist, file), 'utf8');
      expect(code.includes('@ant-design') || code.includes('ant-design'), file).toBe(false);
    }
  });

  it('puts antd in its own vendor chunk that the desktop app loads', () => {
    const desktop = files(closure(manifest, 'src/app/desktop-app.tsx'));
    expect(desktop.some((f) => /vendor-antd/.test(f))).toBe(true);
    const entry = manifest['index.html'];
    expect(files(entry.imports ?? []).some((f) => /antd/.test(f))).toBe(false);
  });
});
