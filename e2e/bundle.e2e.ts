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

/** Ant Design and the libraries only it brings (written by the build: apps/web/vite.config.ts). */
const ANTD = /^(antd|dayjs|@ant-design\/.+|@rc-component\/.+|rc-.+)$/;

describe('web build', () => {
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const packages = JSON.parse(readFileSync(path.join(dist, '.vite/chunk-packages.json'), 'utf8')) as Record<
    string,
    string[]
  >;
  const files = (keys: Iterable<string>) => [...keys].map((k) => manifest[k].file);
  /** The chunks among `chunkFiles` that hold code of Ant Design, each with those packages. */
  const withAntd = (chunkFiles: string[]) =>
    chunkFiles
      .map((f) => [f, (packages[f] ?? []).filter((p) => ANTD.test(p))] as const)
      .filter(([, found]) => found.length > 0);

  it('keeps antd out of everything the mobile app can load', () => {
    const mobile = files(closure(manifest, 'src/mobile/mobile-app.tsx'));
    for (const file of mobile) expect(packages[file], `${file} is not in chunk-packages.json`).toBeDefined();
    expect(withAntd(mobile)).toEqual([]);
    for (const file of mobile) {
      const code = readFileSync(path.join(dist, file), 'utf8');
      expect(code.includes('@ant-design') || code.includes('ant-design'), file).toBe(false);
    }
  });

  it('loads antd with the desktop app and its pages, never from the entry', () => {
    const entry = files(closure(manifest, 'index.html'));
    expect(withAntd(entry)).toEqual([]);
    const desktop = files(closure(manifest, 'src/app/desktop-app.tsx'));
    expect(withAntd(desktop).flatMap(([, found]) => found)).toContain('antd');
  });
});
