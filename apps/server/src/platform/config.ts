import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const ZLogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Environment variables the server reads; every one is validated before anything starts. */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  LIFELINE_DATA_DIR: z.string().min(1).default('./data'),
  LIFELINE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LIFELINE_SECRET_PREVIOUS: z.string().optional(),
  LOG_LEVEL: ZLogLevel.default('info'),
  LIFELINE_SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  LIFELINE_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LIFELINE_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(200).default(20),
  LIFELINE_WEB_DIST: z.string().optional(),
  LIFELINE_SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
});

export type TConfig = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Current secret first, then previous ones still accepted for decryption. */
  secrets: string[];
  logLevel: z.infer<typeof ZLogLevel>;
  seedDemo: 'auto' | 'true' | 'false';
  trustProxy: boolean;
  maxUploadBytes: number;
  webDist: string | undefined;
  /**
   * How long a resolved session is reused without asking the database (0: never). A revocation
   * on this instance takes effect at once; on other instances within this many seconds.
   */
  sessionCacheSeconds: number;
};

/** Thrown for a bad environment; the CLI prints its message and exits without a stack trace. */
export class ConfigError extends Error {}

/**
 * Reads and validates the environment. In embedded mode a missing secret is generated once and
 * kept in the data dir, so restarts can still decrypt what earlier runs encrypted.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.LIFELINE_DATA_DIR);
  let secret = e.LIFELINE_SECRET;
  if (!secret) {
    if (e.DATABASE_URL) {
      throw new ConfigError(
        'Invalid configuration:\n  LIFELINE_SECRET: required when DATABASE_URL is set (at least 32 characters; keep it safe, it encrypts personal data)',
      );
    }
    secret = readOrCreateSecret(dataDir);
  }
  const previous = (e.LIFELINE_SECRET_PREVIOUS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    secrets: [secret, ...previous],
    logLevel: e.LOG_LEVEL,
    seedDemo: e.LIFELINE_SEED_DEMO,
    trustProxy: e.LIFELINE_TRUST_PROXY === 'true',
    maxUploadBytes: e.LIFELINE_MAX_UPLOAD_MB * 1024 * 1024,
    webDist: e.LIFELINE_WEB_DIST,
    sessionCacheSeconds: e.LIFELINE_SESSION_CACHE_SECONDS,
  };
}

function readOrCreateSecret(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}
