import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { TConfig } from '../platform/config.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

export type TestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  config: TConfig;
  close(): Promise<void>;
};

/** Configuration for tests: a private temp data dir and a fixed secret. */
export function testConfig(overrides: Partial<TConfig> = {}): TConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: mkdtempSync(path.join(tmpdir(), 'lifeline-test-')),
    secrets: [TEST_SECRET],
    logLevel: 'silent',
    seedDemo: 'false',
    trustProxy: false,
    maxUploadBytes: 1024 * 1024,
    webDist: path.join(tmpdir(), 'lifeline-no-web-app'),
    // Tests change roles and accounts in the database directly: no reuse unless a test asks for it.
    sessionCacheSeconds: 0,
    ...overrides,
  };
}

/** The whole HTTP app on a fresh test database, driven with `app.inject()`. */
export async function buildTestApp(
  overrides: Partial<TConfig> = {},
  extend?: (app: FastifyInstance) => Promise<void> | void,
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, logger: false });
  if (extend) await extend(app);
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
