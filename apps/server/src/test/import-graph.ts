import path from 'node:path';

/**
 * The lines between the server's parts, as rules over source files (path → text):
 * - platform imports no module (nor the composition root: app, jobs, server, main, cli);
 * - a module reaches another module only through that module's index.ts (a table file may
 *   import another module's table file for its foreign keys: schema, not access);
 * - a module writes only its own tables, through Drizzle (`.insert(x)`, `.update(x)`,
 *   `.delete(x)` on an imported table) or in SQL text (`insert into`, `update … set`, `delete from`);
 * - a module reads in SQL text (`from x`, `join x`) only its own tables and those another module
 *   exports read-only from its index (the session look-up, one query per request, is the stated
 *   exception: `SQL_READ_EXCEPTIONS`);
 * - no module imports the composition root.
 * Tests, the test helpers and the demo's fixture writer are outside these lines.
 */

/** Files allowed to read other modules' tables in SQL text, and why (ADR 0017). */
export const SQL_READ_EXCEPTIONS: Readonly<Record<string, string>> = {
  'modules/auth/sessions.ts': 'the session, person and grants of a request in one query (ADR 0014)',
};
export type SourceFiles = ReadonlyMap<string, string>;

const IMPORT =
  /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const ROOT_FILES = new Set(['app.ts', 'jobs.ts', 'server.ts', 'main.ts', 'seed-on-start.ts']);

/** Where a file sits: platform, a module (and which), the composition root, or outside the rules. */
function placeOf(file: string): { kind: 'platform' | 'module' | 'root' | 'free'; module?: string } {
  if (file.endsWith('.test.ts') || file.startsWith('test/')) return { kind: 'free' };
  if (file.startsWith('platform/')) return { kind: 'platform' };
  const parts = file.split('/');
  if (parts[0] === 'modules')
    return parts[1] === 'demo' ? { kind: 'free' } : { kind: 'module', module: parts[1] };
  if (parts[0] === 'cli' || ROOT_FILES.has(file)) return { kind: 'root' };
  return { kind: 'free' };
}

/** The imported file's path relative to the source root, for a relative specifier ('.js' → '.ts'). */
function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)).replace(/\.js$/, '.ts');
}

/** Every relative import of a file, resolved. */
export function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const target = resolve(file, m[1] ?? m[2]);
    if (target) out.push(target);
  }
  return out;
}

/**
 * The tables each module declares (SQL name → module), and those another module may read: the
 * ones its index exports.
 */
function tablesByModule(files: SourceFiles): { byName: Map<string, string>; readable: Set<string> } {
  const byName = new Map<string, string>();
  const readable = new Set<string>();
  for (const [file, text] of files) {
    if (!file.endsWith('.table.ts') || !file.startsWith('modules/')) continue;
    const module = file.split('/')[1];
    const index = files.get(`modules/${module}/index.ts`) ?? '';
    for (const m of text.matchAll(/export const (\w+) = pgTable\(\s*'(\w+)'/g)) {
      byName.set(m[2], module);
      if (
        new RegExp(
          `export\\s*\\{[^}]*\\b${m[1]}\\b[^}]*\\}\\s*from\\s*'\\./${path.posix.basename(file, '.ts')}\\.js'`,
        ).test(index)
      )
        readable.add(m[2]);
    }
  }
  return { byName, readable };
}

/** The identifiers a file imports, with the module each comes from (its own module's excluded). */
function importedNames(file: string, text: string, own: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+['"]([^'"]+)['"]/g)) {
    const target = resolve(file, m[2]);
    if (!target?.startsWith('modules/')) continue;
    const module = target.split('/')[1];
    if (module === own) continue;
    for (const name of m[1].split(',')) {
      const local = name
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop();
      if (local) out.set(local, module);
    }
  }
  return out;
}

/** The lines a set of source files crosses, one message each (empty when all hold). */
export function importViolations(files: SourceFiles): string[] {
  const problems: string[] = [];
  const tables = tablesByModule(files);
  for (const [file, text] of files) {
    const place = placeOf(file);
    if (place.kind === 'free') continue;
    for (const target of importsOf(file, text)) {
      const to = placeOf(target);
      if (
        place.kind === 'platform' &&
        (to.kind === 'module' || target.startsWith('modules/') || to.kind === 'root')
      )
        problems.push(`${file}: platform imports ${target}`);
      if (place.kind !== 'module') continue;
      if (to.kind === 'root') problems.push(`${file}: a module imports the composition root (${target})`);
      if (!target.startsWith('modules/')) continue;
      const other = target.split('/')[1];
      if (other === place.module) continue;
      const isIndex = target === `modules/${other}/index.ts`;
      const foreignKey = file.endsWith('.table.ts') && target.endsWith('.table.ts');
      if (!isIndex && !foreignKey) problems.push(`${file}: imports ${target}, not modules/${other}/index.ts`);
    }
    if (place.kind !== 'module' || !place.module) continue;
    // Writes: Drizzle calls on another module's imported table, or SQL text naming one.
    const foreign = importedNames(file, text, place.module);
    for (const m of text.matchAll(/\.(insert|update|delete)\(\s*(\w+)\s*\)/g)) {
      const owner = foreign.get(m[2]);
      if (owner) problems.push(`${file}: ${m[1]}s ${m[2]}, a table of the ${owner} module`);
    }
    for (const m of text.matchAll(/\b(insert\s+into|update|delete\s+from)\s+(\w+)\b/gi)) {
      const owner = tables.byName.get(m[2]);
      if (owner && owner !== place.module)
        problems.push(`${file}: SQL ${m[1].toLowerCase()} ${m[2]}, a table of the ${owner} module`);
    }
    if (file in SQL_READ_EXCEPTIONS) continue;
    for (const m of text.matchAll(/\b(?<!delete\s)(from|join)\s+(\w+)\b/gi)) {
      const owner = tables.byName.get(m[2]);
      if (owner && owner !== place.module && !tables.readable.has(m[2]))
        problems.push(`${file}: SQL reads ${m[2]}, a table the ${owner} module does not export`);
    }
  }
  return problems;
}
