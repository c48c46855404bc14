import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { jobHandlers, scheduleRecurringJobs } from './jobs.js';
import type { TConfig } from './platform/config.js';
import { type DatabaseHandle, openDatabase } from './platform/db/client.js';
import { JobWorker } from './platform/jobs/job-worker.js';
import { seedOnFirstStart } from './seed-on-start.js';

export type RunningServer = {
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  stop(): Promise<void>;
};

/**
 * Opens and migrates the database, seeds demo data when asked, starts the HTTP server and
 * the job worker. `stop()` stops accepting, lets in-flight requests and jobs finish, then
 * closes the database cleanly (which matters most for the embedded engine's files).
 */
export async function startServer(config: TConfig): Promise<RunningServer> {
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  let app: FastifyInstance | undefined;
  let worker: JobWorker | undefined;
  try {
    app = await buildApp({ config, database });
    if (database.applied.length) app.log.info({ migrations: database.applied }, 'applied migrations');
    await seedOnFirstStart(app, config);
    await scheduleRecurringJobs(database.db);
    worker = new JobWorker(database.db, jobHandlers(app.lifeline), { logger: app.log });
    const url = await app.listen({ port: config.port, host: config.host });
    worker.start();
    let stopping: Promise<void> | undefined;
    const runningApp = app;
    const runningWorker = worker;
    return {
      app,
      database,
      url,
      stop: () => {
        stopping ??= (async () => {
          await runningApp.close();
          await runningWorker.stop();
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    await worker?.stop();
    await database.close();
    throw err;
  }
}
