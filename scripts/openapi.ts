/**
 * Writes the OpenAPI document to the file named on the command line, without listening: the app is built on a throwaway SQLite
 * database and asked for /api/openapi.json, so what is linted is exactly what the server serves.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.js';
import { boot } from '../src/server/boot.js';
import { loadConfig } from '../src/server/config.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steadfast-openapi-'));
try {
  const deps = await boot(
    loadConfig({ STEADFAST_DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '3000' }),
  );
  const { app } = await buildApp(deps);
  const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  await app.close();
  await deps.database.close();
  if (response.statusCode !== 200) throw new Error(`openapi.json answered ${response.statusCode}`);
  const out = process.argv[2] ?? '.tmp/openapi.json';
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(JSON.parse(response.body), null, 2) + '\n');
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
