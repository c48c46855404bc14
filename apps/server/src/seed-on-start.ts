import type { FastifyInstance } from 'fastify';
import { isEmpty, seedDemo } from './modules/demo/index.js';
import type { TConfig } from './platform/config.js';

/**
 * Demo data on the first start of an empty embedded database (never with DATABASE_URL unless
 * LIFELINE_SEED_DEMO=true), so that `npm start` on a bare machine shows a working system.
 */
export async function seedOnFirstStart(app: FastifyInstance, config: TConfig): Promise<void> {
  const wanted = config.seedDemo === 'true' || (config.seedDemo === 'auto' && !config.databaseUrl);
  const { database, crypto } = app.lifeline;
  if (!wanted || !(await isEmpty(database.db))) return;
  const started = Date.now();
  const result = await seedDemo(database.db, crypto);
  app.log.info(
    { ...result, ms: Date.now() - started },
    'seeded the fictional demo organisation (demo accounts use the password Lifeline@2026)',
  );
}
