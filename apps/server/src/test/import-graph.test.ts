import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, importViolations } from './import-graph.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPO = path.resolve(SRC, '../../..');

/** Every .ts file under a directory, by path relative to it. */
function sources(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
  }
  return out;
}

describe('the import graph', () => {
  it('keeps platform below modules, and modules talking through their index.ts only', () => {
    expect(importViolations(sources(SRC))).toEqual([]);
  });

  it('catches each kind of crossing (the check itself)', () => {
    const files = new Map([
      ['platform/audit/audit.ts', "import { people } from '../../modules/people/people.table.js';"],
      ['modules/hotline/items/a.ts', "import { findUnit } from '../../org-units/org-units.service.js';"],
      ['modules/hotline/items/b.ts', "import { findUnit } from '../../org-units/index.js';"],
      ['modules/hotline/hotline.table.ts', "import { orgUnits } from '../org-units/org-units.table.js';"],
      ['modules/hotline/c.ts', "const x = await import('../people/people.service.js');"],
      ['modules/hotline/d.ts', "import { buildApp } from '../../app.js';"],
      [
        'modules/hotline/e.ts',
        "import { people } from '../people/index.js';\nawait db.update(people).set({ name: 'x' });",
      ],
      ['modules/hotline/f.ts', 'await db.execute(sql`delete from people where id = 1`);'],
      ['modules/people/people.table.ts', "export const people = pgTable('people', {});"],
      ['modules/people/index.ts', "export { people } from './people.table.js';"],
      ['modules/roles/roles.table.ts', "export const roleAssignments = pgTable('role_assignments', {});"],
      [
        'modules/hotline/h.ts',
        'sql`select p.name from people p join role_assignments ra on ra.person_id = p.id`',
      ],
      ['modules/demo/seed.ts', "import { people } from '../people/people.table.js';"],
      ['modules/hotline/g.test.ts', "import { people } from '../people/people.table.js';"],
    ]);
    expect(importViolations(files)).toEqual([
      'platform/audit/audit.ts: platform imports modules/people/people.table.ts',
      'modules/hotline/items/a.ts: imports modules/org-units/org-units.service.ts, not modules/org-units/index.ts',
      'modules/hotline/c.ts: imports modules/people/people.service.ts, not modules/people/index.ts',
      'modules/hotline/d.ts: a module imports the composition root (app.ts)',
      'modules/hotline/e.ts: updates people, a table of the people module',
      'modules/hotline/f.ts: SQL delete from people, a table of the people module',
      'modules/hotline/h.ts: SQL reads role_assignments, a table the roles module does not export',
    ]);
  });

  it('keeps packages/shared free of our other code, and the web free of the server', () => {
    const shared = sources(path.join(REPO, 'packages/shared/src'));
    for (const [file, text] of shared)
      for (const m of text.matchAll(/from\s+['"]([^'"]+)['"]/g))
        expect(m[1].startsWith('@lifeline/') || m[1].includes('apps/'), `${file} imports ${m[1]}`).toBe(
          false,
        );
    const web = sources(path.join(REPO, 'apps/web/src'));
    for (const [file, text] of web)
      for (const target of importsOf(`apps/web/src/${file}`, text))
        expect(target.includes('apps/server'), `${file} imports ${target}`).toBe(false);
  });
});
