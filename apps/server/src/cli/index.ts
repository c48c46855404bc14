import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../platform/config.js';
import { createAdmin } from './create-admin.js';
import { withDatabase } from './with-database.js';

const HELP = `lifeline — command-line tasks for Lifeline (生命线)

Usage: lifeline <command> [options]        (or: npm run lifeline -- <command> …)

Commands:
  migrate                       Apply committed database migrations (also done at every start).
  seed-demo [--scale demo|bench] [--no-accounts]
                                Load the fictional demo organisation into an EMPTY database.
                                demo: ~60 branches, ~3,000 people and the demo accounts;
                                bench: ~2,000 units and 70,000 people (for benchmarks).
  create-admin --login <employee no> --name <name> [--org-name <top unit name>] [--phone <mobile>]
                                Create the first system administrator of a real installation.
                                The password is read from LIFELINE_ADMIN_PASSWORD or asked for.
  backup <file.jsonl.gz>        Write a consistent backup (data and attachments).
  restore <file.jsonl.gz>       Load a backup into an EMPTY database (either engine).
  rotate-keys                   After changing LIFELINE_SECRET (old one in LIFELINE_SECRET_PREVIOUS),
                                with the servers stopped: re-encrypt everything encrypted under an
                                old key and recompute the keyed look-up hashes. Safe to run again.
  help                          This text.

The database is the one the server uses: DATABASE_URL, or the embedded one in LIFELINE_DATA_DIR.
Stop an embedded server before running commands against its data directory.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'migrate':
      return withDatabase(config, { migrate: false }, async ({ database }) => {
        const { migrate } = await import('../platform/db/migrate.js');
        const applied = await migrate(database.db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
        return 0;
      });
    case 'seed-demo': {
      const { values } = parseArgs({
        args: rest,
        options: {
          scale: { type: 'string', default: 'demo' },
          'no-accounts': { type: 'boolean', default: false },
        },
      });
      const { seedDemo } = await import('../modules/demo/demo.seed.js');
      const { BENCH_SCALE, DEMO_SCALE } = await import('../modules/demo/demo-data.js');
      if (values.scale !== 'demo' && values.scale !== 'bench')
        throw new ConfigError('--scale must be demo or bench');
      return withDatabase(config, {}, async ({ database, crypto }) => {
        const started = Date.now();
        const result = await seedDemo(database.db, crypto, {
          scale: values.scale === 'bench' ? BENCH_SCALE : DEMO_SCALE,
          accounts: !values['no-accounts'],
          onProgress: (done, total) => process.stdout.write(`\r  people ${done}/${total}`),
        });
        console.log(
          `\nSeeded ${result.units} units, ${result.people} people, ${result.accounts} demo accounts in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
        return 0;
      });
    }
    case 'create-admin':
      return withDatabase(config, {}, (ctx) => createAdmin(ctx, rest));
    case 'backup': {
      const file = rest[0];
      if (!file) throw new ConfigError('Usage: lifeline backup <file.jsonl.gz>');
      const { backupTo } = await import('../platform/backup/backup.js');
      return withDatabase(config, {}, async ({ database, files }) => {
        const counts = await backupTo(database.db, database.engine, files, file);
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        console.log(`Backup written to ${file}: ${rows} rows in ${Object.keys(counts).length} tables.`);
        return 0;
      });
    }
    case 'restore': {
      const file = rest[0];
      if (!file) throw new ConfigError('Usage: lifeline restore <file.jsonl.gz>');
      const { restoreFrom } = await import('../platform/backup/backup.js');
      return withDatabase(config, { migrate: false }, async ({ database, files }) => {
        const counts = await restoreFrom(database.db, files, file);
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        console.log(`Restored ${rows} rows into ${Object.keys(counts).length} tables from ${file}.`);
        return 0;
      });
    }
    case 'rotate-keys': {
      const { rotateKeys } = await import('./rotate-keys.js');
      return withDatabase(config, {}, async ({ database, crypto }) => {
        console.log(`Moving encrypted and keyed values to key ${crypto.currentKeyId}:`);
        await rotateKeys(database.db, crypto, ({ owner, counts }) => {
          const line = Object.entries(counts).map(([kind, n]) => `${n} ${kind}`);
          console.log(`  ${owner}: ${line.join(', ')}`);
        });
        console.log(`Done: values under an old key are now under key ${crypto.currentKeyId}.`);
        return 0;
      });
    }
    default:
      console.error(`Unknown command: ${command}\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(err instanceof ConfigError ? 2 : 1);
  });
