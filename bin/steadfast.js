#!/usr/bin/env node
// The operators' command. Runs the compiled CLI; `npm run build` produces it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(compiled))) {
  console.error('Steadfast is not built yet: run `npm run build` first.');
  process.exit(1);
}
await import(compiled.href);
