#!/usr/bin/env node
// The `lifeline` command: see `lifeline help`.
await import('../dist/cli/index.js');
