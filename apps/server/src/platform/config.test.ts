import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dir = mkdtempSync(path.join(tmpdir(), 'lifeline-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration', () => {
  it('uses the documented defaults and generates a secret once in embedded mode', () => {
    const dataDir = path.join(dir, 'data');
    const c = loadConfig({ LIFELINE_DATA_DIR: dataDir });
    expect(c).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      logLevel: 'info',
      dataDir,
    });
    const file = path.join(dataDir, 'secret.key');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ LIFELINE_DATA_DIR: dataDir }).secrets[0]).toBe(readFileSync(file, 'utf8').trim());
  });

  it('refuses bad values with a message naming each variable', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', LIFELINE_DATA_DIR: dir });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/LOG_LEVEL/);
      expect((err as Error).message).toMatch(/DATABASE_URL: must be a postgres/);
    }
  });

  it('requires LIFELINE_SECRET with DATABASE_URL, and keeps previous secrets for rotation', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x' })).toThrow(/LIFELINE_SECRET: required/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x', LIFELINE_SECRET: 'short' })).toThrow(
      /at least 32/,
    );
    const c = loadConfig({
      DATABASE_URL: 'postgres://localhost/x',
      LIFELINE_SECRET: 'n'.repeat(32),
      LIFELINE_SECRET_PREVIOUS: `${'o'.repeat(32)}, ${'p'.repeat(32)}`,
    });
    expect(c.secrets).toEqual(['n'.repeat(32), 'o'.repeat(32), 'p'.repeat(32)]);
  });
});
