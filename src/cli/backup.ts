import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Config } from '../server/config.js';
import { keyFilePath, loadMasterKey } from '../server/crypto/master-key.js';
import { createSealer } from '../server/crypto/sealing.js';
import { openSqlite } from '../server/db/connection.js';
import { migrateToLatest, migrationNames } from '../server/db/migrate.js';

const KEY_CHECK = 'crypto.master_key_check';

/** Said after every backup and restore: the key is what makes a backup readable, so it travels apart. */
export const masterKeyReminder = (config: Config): string =>
  [
    'The master key is not in the backup, on purpose: a backup kept together with its key can be read by',
    'whoever gets hold of it. Keep a copy of the key somewhere else (a password manager, a safe):',
    config.masterKey
      ? '  it is the STEADFAST_MASTER_KEY variable of this instance.'
      : `  it is the file ${keyFilePath(config.dataDir)}.`,
    'Without that key, the private content in any backup cannot be read by anyone, including you.',
  ].join('\n');

/** The SQLite file this configuration uses, or undefined on PostgreSQL. */
export function sqliteFileOf(config: Config): string | undefined {
  const url = config.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return undefined;
  if (url?.startsWith('sqlite:')) return path.resolve(url.slice('sqlite:'.length));
  return path.join(config.dataDir, 'steadfast.db');
}

const stamp = (now: Date): string => now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');

/** What to run on PostgreSQL, where the database's own tools make the consistent snapshot. */
export const postgresInstructions = (config: Config, now: Date): string =>
  [
    'This instance keeps its data in PostgreSQL, so Steadfast leaves backups to PostgreSQL’s own tools:',
    'pg_dump takes a consistent snapshot while the server keeps running, and pg_restore recreates the',
    'tables as the role you connect with (use the role the server uses, so it owns them again).',
    '',
    'Back up:',
    `  pg_dump --format=custom --file=steadfast-${stamp(now)}.dump "$DATABASE_URL"`,
    'Restore (stop the server first; this replaces what is in the database now):',
    `  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" steadfast-${stamp(now)}.dump`,
    '  then: steadfast migrate   (brings an older backup up to this version)',
    '',
    masterKeyReminder(config),
  ].join('\n');

/**
 * Copies the live database with SQLite's online backup: a consistent copy even while the server is
 * writing. The copy is written under a temporary name and renamed, so a file with the final name is
 * always complete; it is readable by its owner only.
 */
export async function backupSqlite(source: string, out: string): Promise<void> {
  if (!fs.existsSync(source)) throw new Error(`There is no database at ${source} to back up.`);
  if (fs.existsSync(out)) throw new Error(`${out} already exists; choose another name.`);
  fs.mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
  const partial = `${out}.partial`;
  const handle = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    await handle.backup(partial);
  } finally {
    handle.close();
  }
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, out);
}

export const defaultBackupFile = (config: Config, now: Date): string =>
  path.join(config.dataDir, 'backups', `steadfast-${stamp(now)}.db`);

/** Reads what a file claims to be, without changing it: its migrations and its sealed key check. */
function inspectBackup(file: string): { migrations: string[]; keyCheck: string } {
  if (!fs.existsSync(file)) throw new Error(`There is no file at ${file}.`);
  let handle: SQLite.Database | undefined;
  try {
    handle = new SQLite(file, { readonly: true, fileMustExist: true });
    const migrations = handle.prepare('select name from kysely_migration order by name').all() as {
      name: string;
    }[];
    const check = handle.prepare('select value from settings where key = ?').get(KEY_CHECK) as
      { value: string } | undefined;
    if (!check || migrations.length === 0) throw new Error('incomplete');
    return { migrations: migrations.map((m) => m.name), keyCheck: check.value };
  } catch {
    throw new Error(`${file} is not a Steadfast backup (it is not a SQLite database of this app).`);
  } finally {
    handle?.close();
  }
}

/**
 * Replaces the database with a backup. Checks first that the file is a Steadfast database at a
 * migration this version knows, and that it was sealed with the master key configured here; keeps
 * the current database aside; swaps the file in by rename (stale -wal/-shm removed, so they cannot
 * be replayed onto the restored data); then migrates it up to this version.
 */
export async function restoreSqlite(
  config: Config,
  target: string,
  backup: string,
  now: Date,
): Promise<{ keptAside: string | undefined; migrated: string[] }> {
  const { migrations, keyCheck } = inspectBackup(backup);
  const known = migrationNames();
  const unknown = migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw new Error(
      `${backup} comes from a newer version of Steadfast (it has ${unknown.join(', ')}). Restore it with that version or a later one.`,
    );
  }
  const { key } = loadMasterKey({
    envKey: config.masterKey,
    dataDir: config.dataDir,
    hasSealedData: true,
  });
  if (!createSealer(key).verifyKeyCheck(keyCheck)) {
    throw new Error(
      `${backup} was sealed with a different master key than the one configured here. Put back the key that belongs to this backup first; nothing was changed.`,
    );
  }

  let keptAside: string | undefined;
  if (fs.existsSync(target)) {
    keptAside = path.join(config.dataDir, 'backups', `before-restore-${stamp(now)}.db`);
    await backupSqlite(target, keptAside);
  }
  const incoming = `${target}.restoring`;
  fs.copyFileSync(backup, incoming);
  fs.chmodSync(incoming, 0o600);
  for (const stale of [`${target}-wal`, `${target}-shm`]) fs.rmSync(stale, { force: true });
  fs.renameSync(incoming, target);

  const database = openSqlite(target);
  try {
    const result = await migrateToLatest(database);
    return {
      keptAside,
      migrated:
        result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [],
    };
  } finally {
    await database.close();
  }
}
