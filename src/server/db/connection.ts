import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { DB, Db } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  readonly db: Db;
  readonly dialect: Dialect;
  /** Where the data lives, for messages: a file path or a host/database. */
  readonly location: string;
  close(): Promise<void>;
}

export interface PostgresOptions {
  /** Tests give each file its own schema so that suites can run side by side. */
  readonly searchPath?: string;
  readonly max?: number;
}

const INT8_OID = 20;

export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    // Times and counts are bigint in PostgreSQL; they fit a JS number for the next 285,000 years.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (v: string) => Number(v)
          : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const u = new URL(url);
  return {
    db,
    dialect: 'postgres',
    location: `${u.hostname}:${u.port || 5432}${u.pathname}`,
    close: () => db.destroy(),
  };
}

export function openSqlite(file: string): Database {
  // The folder holds the database (and usually the master key): only the server's user may enter.
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const handle = new SQLite(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = NORMAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: withStatementCache(handle) }),
  });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

/**
 * Kysely prepares every query afresh; preparing costs more than running our indexed reads, so
 * statements are kept and reused by their SQL text (bounded, oldest dropped first).
 */
function withStatementCache(handle: SQLite.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => handle.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (!statement) {
        statement = handle.prepare(text);
        if (cache.size >= max) cache.delete(cache.keys().next().value ?? '');
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

/** DATABASE_URL picks PostgreSQL; otherwise SQLite in the data folder. */
export function openDatabase(databaseUrl: string | undefined, dataDir: string): Database {
  if (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgres(databaseUrl);
  if (databaseUrl?.startsWith('sqlite:')) return openSqlite(databaseUrl.slice('sqlite:'.length));
  if (databaseUrl)
    throw new Error('DATABASE_URL must start with postgres://, postgresql:// or sqlite:');
  return openSqlite(path.join(dataDir, 'steadfast.db'));
}

export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
