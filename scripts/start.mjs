#!/usr/bin/env node
// `npm start`: build what is missing, then run the server in this process (it migrates, seeds
// demo data on the first embedded start, and prints its URL).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
await import(path.join(root, 'apps/server/dist/main.js'));
