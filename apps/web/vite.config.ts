import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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
  'zod',
]);

/**
 * Ant Design, its icons and dayjs: the desktop app alone loads them, never a /m/ page. Their own
 * dependencies (rc-components, cssinjs, …) follow them into the chunk, because groups capture
 * dependencies recursively; anything the mobile app also imports must therefore be in CORE_VENDOR.
 */
const ANTD_VENDOR = packages(['antd', '@ant-design/icons', 'dayjs']);

/** Our API client, the shared package's few runtime values, and the module types: used by both apps. */
const APP_COMMON =
  /[\\/]src[\\/](api|auth)[\\/]|[\\/]src[\\/](i18n[\\/]error-message|i18n[\\/]duration|modules[\\/]module-types)\.ts$|[\\/]packages[\\/]shared[\\/]/;

// The desktop back office (antd) and the mobile H5 pages (plain React) share one entry that picks
// an app by path; chunk groups keep antd in its own vendor chunk so phones never download it.
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@lifeline/shared': shared } },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
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
          groups: [
            { name: 'vendor-core', test: CORE_VENDOR, priority: 30 },
            { name: 'vendor-antd', test: ANTD_VENDOR, priority: 20 },
            { name: 'app-common', test: APP_COMMON, priority: 10 },
          ],
        },
      },
    },
  },
});
