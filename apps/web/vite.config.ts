import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const shared = fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url));

/** Matches files of these npm packages, on any OS. */
function packages(names: string[]): RegExp {
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('/', '[\\\\/]'));
  return new RegExp(`[\\\\/]node_modules[\\\\/](${escaped.join('|')})[\\\\/]`);
}

/** Libraries both the desktop and the mobile app run on. */
const CORE_VENDOR = packages([
  'react',
  'react-dom',
  'scheduler',
  'react-router',
  'cookie',
  'set-cookie-parser',
  'i18next',
  'react-i18next',
  'html-parse-stringify',
  'void-elements',
  'use-sync-external-store',
  '@tanstack/query-core',
  '@tanstack/react-query',
]);

/**
 * Our API client, formats and the module types, used by both apps, with what they import. The
 * rest of the shared package's runtime values go with the pages that use them: a group of all of
 * it put the desktop's audit labels, roles and innovation workflow on every phone (~4 kB).
 */
const APP_COMMON =
  /[\\/]src[\\/](api|auth)[\\/]|[\\/]src[\\/](i18n[\\/]error-message|i18n[\\/]duration|i18n[\\/]format|modules[\\/]module-types)\.ts$/;

/**
 * The phone's own kit (icons, small components, the loading state): a dozen files of a few
 * hundred bytes that most phone pages use, one request instead of one each (on HTTP/1.1 a
 * request's headers weigh as much as such a file).
 */
const MOBILE_KIT = /[\\/]src[\\/]mobile[\\/](icons\.tsx|components[\\/]|pages[\\/]mobile-loading\.tsx)/;

/** Initialisers that cannot have side effects worth keeping, left as they are. */
const INERT = new Set([
  'Literal',
  'TemplateLiteral',
  'Identifier',
  'ArrowFunctionExpression',
  'FunctionExpression',
]);

type Node = { type: string; start: number; end: number };
type Declaration = Node & {
  declarations?: (Node & { init?: Node | null })[];
  declaration?: Declaration | null;
};

/**
 * Lets the bundler drop the shared package's zod schemas that the browser never uses. The shared
 * package declares most constants beside schemas such as `z.object({ ...ZBase, kind: ZKind.optional() })`,
 * whose spreads and method calls on other schemas the bundler must assume have side effects, so
 * it kept every such statement, and zod with them (~90 kB). Each top-level `const` initialised by
 * an expression that calls or spreads is wrapped as `/* @__PURE__ *\/ (() => (init))()`: evaluated
 * exactly as before where it is used, removed where it is not. The shared package has no side
 * effects at load (see `moduleSideEffects` below), so nothing that matters can be dropped.
 */
function pureSharedConstants(): Plugin {
  return {
    name: 'lifeline-pure-shared-constants',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]packages[\\/]shared[\\/]src[\\/].*\.ts$/ },
      handler(code, id) {
        const program = this.parse(code, { lang: 'ts' }) as unknown as { body: Declaration[] };
        const inits: Node[] = [];
        for (const statement of program.body) {
          const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
          if (declaration?.type !== 'VariableDeclaration') continue;
          for (const d of declaration.declarations ?? []) {
            if (!d.init || INERT.has(d.init.type)) continue;
            if (/\(|\.\.\./.test(code.slice(d.init.start, d.init.end))) inits.push(d.init);
          }
        }
        if (inits.length === 0) return null;
        let out = '';
        let at = 0;
        for (const init of inits) {
          out += `${code.slice(at, init.start)}/* @__PURE__ */ (() => (${code.slice(init.start, init.end)}))()`;
          at = init.end;
        }
        this.debug?.(`${id}: ${inits.length} constants made droppable`);
        return { code: out + code.slice(at), map: null };
      },
    },
  };
}

/** The npm package a module id belongs to, or null for our own code. */
function packageOf(id: string): string | null {
  const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
  return m ? m[1].replace('\\', '/') : null;
}

/**
 * Writes `.vite/chunk-packages.json`: for each chunk, the npm packages whose code it holds. The
 * manifest names a chunk's imports but not its contents, and the bundle test must know which
 * chunks hold Ant Design to prove that the mobile app never loads any of them.
 */
function chunkPackages(): Plugin {
  return {
    name: 'lifeline-chunk-packages',
    apply: 'build',
    generateBundle(_options, bundle) {
      const packages: Record<string, string[]> = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const names = chunk.moduleIds.map(packageOf).filter((n): n is string => n !== null);
        packages[chunk.fileName] = [...new Set(names)].sort();
      }
      this.emitFile({
        type: 'asset',
        fileName: '.vite/chunk-packages.json',
        source: `${JSON.stringify(packages, null, 1)}\n`,
      });
    },
  };
}

/** Files worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|ico|txt|webmanifest)$/;

/** Every file under `dir`, leaving out dot entries (Vite's .vite/manifest.json, the build stamp). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * Writes `<file>.br` (brotli at its best quality) and `<file>.gz` (gzip -9) beside each text file
 * of the build, where they are smaller: the server sends them as they are (@fastify/static's
 * `preCompressed`), so the best levels cost build time once, never time per request.
 */
function precompress(): Plugin {
  let outDir = '';
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'lifeline-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      const files = filesUnder(outDir).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (file) => {
          const raw = readFileSync(file);
          const [br, gzipped] = await Promise.all([
            brotli(raw, {
              params: {
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            }),
            gz(raw, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          if (br.length < raw.length) writeFileSync(`${file}.br`, br);
          if (gzipped.length < raw.length) writeFileSync(`${file}.gz`, gzipped);
        }),
      );
    },
  };
}

// The desktop back office (antd) and the mobile H5 pages (plain React) share one entry that picks
// an app by path; the mobile app imports nothing of antd, so phones never download it.
export default defineConfig({
  plugins: [react(), pureSharedConstants(), chunkPackages(), precompress()],
  resolve: { alias: { '@lifeline/shared': shared } },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    // Browsers without <link rel=modulepreload> (Safari before 17) still load every chunk, only
    // without preloading it; the polyfill would weigh on every browser's first load.
    modulePreload: { polyfill: false },
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      treeshake: {
        // The shared package builds zod schemas at module level; the browser uses only a few
        // constants and functions from it, so unused schemas (and with them zod) must drop out.
        manualPureFunctions: ['z'],
        moduleSideEffects: [{ test: /[\\/]packages[\\/]shared[\\/]/, sideEffects: false }],
      },
      output: {
        codeSplitting: {
          // Ant Design, its icons and dayjs have no group: the bundler splits them by route like
          // our own code, so a desktop page loads the components it uses, not one chunk of all of
          // antd. The mobile app imports none of them, so none can reach its chunks (a group would
          // capture matching modules whoever imports them; e2e/bundle.e2e.ts follows the graph).
          groups: [
            { name: 'vendor-core', test: CORE_VENDOR, priority: 30 },
            { name: 'app-common', test: APP_COMMON, priority: 10 },
            { name: 'mobile-kit', test: MOBILE_KIT, priority: 10 },
            // The core strings of a language other than the default (src/i18n/i18n.ts): one
            // request when that language is chosen, none otherwise.
            { name: 'core-en', test: /[\\/]src[\\/]i18n[\\/]locales[\\/]en[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
