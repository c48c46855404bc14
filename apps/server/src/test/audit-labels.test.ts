import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  AUDIT_ACTIONS,
  AUDIT_RECORD_TYPES,
  CONSULTATION_ACTIONS,
  HOTLINE_ACTIONS,
  PROJECT_ACTIONS,
} from '@lifeline/shared';
import { describe, expect, it } from 'vitest';

/**
 * Every action and record type the server writes to the audit trail has its label in both
 * languages (the audit page and its export show labels, never codes): found in the sources, so
 * that a new action without a label fails here.
 */
const src = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.includes(`${path.sep}test${path.sep}`)
      ? [file]
      : [];
  });
}

const text = sources(src)
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
/** The values written under a key: audit actions are `<record>.<verb>`, record types one word. */
const written = (key: string, pattern: string) =>
  [...text.matchAll(new RegExp(`${key}: '(${pattern})'`, 'g'))].map((m) => m[1]);

describe('audit labels', () => {
  it('name every action the server writes, in Chinese and English', () => {
    const actions = new Set([
      ...written('action', '[a-z_]+\\.[a-z_]+'),
      // Actions written from a workflow's move or a kind: every move of each table.
      ...HOTLINE_ACTIONS.map((a) => `hotline_item.${a}`),
      ...['reply', 'note'].map((k) => `hotline_item.${k}`),
      ...CONSULTATION_ACTIONS.map((a) => `consultation.${a}`),
      ...PROJECT_ACTIONS.map((a) => `innovation_project.${a}`),
      ...['approve', 'reject'].map((a) => `innovation_change.${a}`),
    ]);
    expect(actions.size).toBeGreaterThan(60);
    const missing = [...actions].filter((a) => !AUDIT_ACTIONS[a]?.zh || !AUDIT_ACTIONS[a]?.en);
    expect(missing).toEqual([]);
  });

  it('name every record type the server writes', () => {
    const types = new Set(written('recordType', '[a-z_]+'));
    expect(types.size).toBeGreaterThan(20);
    expect([...types].filter((r) => !AUDIT_RECORD_TYPES[r]?.zh || !AUDIT_RECORD_TYPES[r]?.en)).toEqual([]);
  });
});
