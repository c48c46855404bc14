import type { TConfig } from '../platform/config.js';
import { createFieldCrypto, type FieldCrypto } from '../platform/crypto/field-crypto.js';
import { type DatabaseHandle, openHandle } from '../platform/db/adapter.js';
import { migrate } from '../platform/db/migrate.js';
import { LocalFileStore } from '../platform/files/file-store.js';

export type CliContext = {
  config: TConfig;
  database: DatabaseHandle;
  crypto: FieldCrypto;
  files: LocalFileStore;
};

/** Opens the configured database for one command (migrated unless asked not to) and always closes it. */
export async function withDatabase(
  config: TConfig,
  options: { migrate?: boolean },
  run: (ctx: CliContext) => Promise<number>,
): Promise<number> {
  const database = await openHandle(
    config.databaseUrl ? { databaseUrl: config.databaseUrl, poolMax: 2 } : { dataDir: config.dataDir },
  );
  try {
    if (options.migrate !== false) await migrate(database.db);
    return await run({
      config,
      database,
      crypto: createFieldCrypto(config.secrets),
      files: new LocalFileStore(config.dataDir),
    });
  } finally {
    await database.close();
  }
}
