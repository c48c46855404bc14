import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPglite, openHandle } from '../platform/db/adapter.js';
import { migrate } from '../platform/db/migrate.js';
import { adminUrl, databaseUrl, templateName } from './pg-urls.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testEngine: 'pglite' | 'postgres';
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

/**
 * Migrates one template database per run; each test file then starts from a copy of it
 * (a PGlite data-dir dump, or CREATE DATABASE … TEMPLATE on PostgreSQL), which is far cheaper
 * than creating and migrating a database per file.
 */
export default async function setup(project: TestProject) {
  const engine = process.env.LIFELINE_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
  project.provide('testEngine', engine);
  const tmp = path.resolve('.test-tmp');
  mkdirSync(tmp, { recursive: true });
  if (engine === 'pglite') {
    const pglite = await createPglite();
    const handle = await openHandle({ pglite });
    await migrate(handle.db);
    const dump = await pglite.dumpDataDir('none');
    const file = path.join(tmp, `pglite-template-${process.pid}.tar`);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await pglite.close();
    project.provide('pgliteTemplate', file);
    project.provide('pgTemplate', '');
    return;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('LIFELINE_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  const name = templateName();
  const admin = await openHandle({ databaseUrl: adminUrl(url), poolMax: 1 });
  const { sql } = await import('drizzle-orm');
  await admin.db.execute(sql.raw(`drop database if exists ${name}`));
  await admin.db.execute(sql.raw(`create database ${name}`));
  const tpl = await openHandle({ databaseUrl: databaseUrl(url, name), poolMax: 1 });
  await migrate(tpl.db);
  await tpl.close();
  project.provide('pgliteTemplate', '');
  project.provide('pgTemplate', name);
  return async () => {
    await admin.db.execute(sql.raw(`drop database if exists ${name}`));
    await admin.close();
  };
}
