import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { CrisisResources } from '../core/crisis/resources.js';
import { isDomainError } from '../core/errors.js';
import { SignUpBody } from '../shared/api/auth.js';
import { installZodMessages } from '../shared/api/zod-messages.js';
import { createAccount } from '../server/auth/accounts.js';
import { boot } from '../server/boot.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/connection.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { catalogue } from '../server/problems.js';
import {
  currentCrisisResources,
  resetCrisisResources,
  saveCrisisResources,
} from '../server/features/crisis/crisis.store.js';
import { appVersion } from '../server/version.js';
import { verifyAuditLog } from '../server/features/audit/audit.service.js';
import { verdictText } from './audit.js';
import {
  backupSqlite,
  defaultBackupFile,
  masterKeyReminder,
  postgresInstructions,
  restoreSqlite,
  sqliteFileOf,
} from './backup.js';
import { progressBar } from './progress.js';
import { demoCheckins, seedCheckins, seedJourney } from './seed.js';

export const DEMO_PASSWORD = 'quiet harbour demo';

/** The password from STEADFAST_ADMIN_PASSWORD, or asked for without echoing what is typed. */
async function readPassword(): Promise<string> {
  const fromEnv = process.env.STEADFAST_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  process.stderr.write('Password for the administrator (8+ characters): ');
  // Typed characters go to a sink instead of the terminal.
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: sink, terminal: process.stdin.isTTY });
  try {
    return await rl.question('');
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

export function buildCli(): Command {
  const program = new Command()
    .name('steadfast')
    .description(
      'Operate a Steadfast instance. Uses the same configuration (environment variables) as the server.',
    )
    .version(appVersion, '-V, --version', 'print the version of Steadfast')
    // Commander would end the process itself; runCli sets the exit code instead.
    .exitOverride();

  program
    .command('backup')
    .description(
      'Copy the database while the server runs (SQLite; on PostgreSQL, prints what to run)',
    )
    .option('--out <file>', 'where to write it (default: backups/ in the data folder)')
    .action(async (opts: { out?: string }) => {
      const config = loadConfig();
      const source = sqliteFileOf(config);
      if (!source) {
        console.log(postgresInstructions(config, new Date()));
        return;
      }
      const out = path.resolve(opts.out ?? defaultBackupFile(config, new Date()));
      await backupSqlite(source, out);
      console.log(`Backed up the database to ${out}.\n\n${masterKeyReminder(config)}`);
    });

  program
    .command('restore')
    .description(
      'Replace the database with a backup, then migrate it up (stop the server first; SQLite; on PostgreSQL, prints what to run)',
    )
    .argument('<file>', 'a backup made by steadfast backup')
    .option('--yes', 'confirm that the server is stopped and the current data may be replaced')
    .action(async (file: string, opts: { yes?: boolean }) => {
      const config = loadConfig();
      const target = sqliteFileOf(config);
      if (!target) {
        console.log(postgresInstructions(config, new Date()));
        return;
      }
      if (!opts.yes) {
        // SQLite gives no reliable sign of another process using the file, so the operator says so.
        throw new Error(
          `This replaces the database at ${target} with ${file}. Stop the server first (a running server would keep writing to the old data), then run again with --yes.`,
        );
      }
      const { keptAside, migrated } = await restoreSqlite(
        config,
        target,
        path.resolve(file),
        new Date(),
      );
      const lines = [`Restored ${file} into ${target}.`];
      if (keptAside) lines.push(`The data it replaced is kept in ${keptAside}.`);
      if (migrated.length) lines.push(`Brought it up to this version: ${migrated.join(', ')}.`);
      console.log(`${lines.join('\n')}\n\n${masterKeyReminder(config)}`);
    });

  program
    .command('migrate')
    .description('Bring the database schema up to date (the server also does this when it starts)')
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase(config.databaseUrl, config.dataDir);
      try {
        const result = await migrateToLatest(database);
        const applied =
          result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
        console.log(
          applied.length ? `Applied: ${applied.join(', ')}` : 'The database is already up to date.',
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('create-admin')
    .description(
      'Create an administrator for the practice (password from STEADFAST_ADMIN_PASSWORD or asked for)',
    )
    .requiredOption('--email <email>', 'their email address')
    .option('--name <name>', 'the name shown to them', 'Administrator')
    .action(async (opts: { email: string; name: string }) => {
      const deps = await boot(loadConfig());
      try {
        const input = SignUpBody.safeParse({
          email: opts.email,
          password: await readPassword(),
          displayName: opts.name,
        });
        if (!input.success) throw new Error(input.error.issues.map((i) => i.message).join(' '));
        const admin = await createAccount(deps, { ...input.data, role: 'admin' });
        console.log(
          `Created administrator ${admin.email}. The first-run setup page is now closed.`,
        );
      } finally {
        await deps.database.close();
      }
    });

  program
    .command('crisis-resources')
    .description(
      "Show, replace or reset the crisis and abuse lines people see (the practice's own list)",
    )
    .argument('<action>', 'show | set | reset')
    .option('--file <path>', 'with set: a JSON file in the format of content/crisis/resources.json')
    .action(async (action: string, opts: { file?: string }) => {
      const deps = await boot(loadConfig());
      try {
        if (action === 'show') {
          console.log(JSON.stringify(await currentCrisisResources(deps), null, 2));
        } else if (action === 'set') {
          if (!opts.file) throw new Error('Please give the list with --file <path>.');
          let data: unknown;
          try {
            data = JSON.parse(fs.readFileSync(opts.file, 'utf8'));
          } catch (e) {
            throw new Error(`${opts.file}: could not read it as JSON (${(e as Error).message}).`);
          }
          const parsed = CrisisResources.safeParse(data);
          if (!parsed.success) {
            const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
            throw new Error(`${opts.file} was not saved:\n${issues.join('\n')}`);
          }
          await saveCrisisResources(deps.database.db, parsed.data);
          console.log(
            `Saved ${parsed.data.countries.length} countries (verified on ${parsed.data.verifiedOn}).`,
          );
        } else if (action === 'reset') {
          await resetCrisisResources(deps.database.db);
          console.log('The shipped list (content/crisis/resources.json) applies again.');
        } else {
          throw new Error(`Unknown action "${action}": use show, set or reset.`);
        }
      } finally {
        await deps.database.close();
      }
    });

  program
    .command('audit')
    .description(
      'Check the audit log: every event chains to the one before it, from the first; names the first broken link',
    )
    .argument('<action>', 'verify')
    .action(async (action: string) => {
      if (action !== 'verify') throw new Error(`Unknown action "${action}": use verify.`);
      const deps = await boot(loadConfig());
      try {
        const verdict = await verifyAuditLog(deps.database.db);
        if (verdict.ok) console.log(verdictText(verdict));
        else {
          console.error(verdictText(verdict));
          process.exitCode = 1;
        }
      } finally {
        await deps.database.close();
      }
    });

  program
    .command('seed-demo')
    .description(
      'Add a demo couple and a person on their own, with weeks of check-ins (for trying things out)',
    )
    .option('--weeks <n>', 'how many weeks of check-ins', '8')
    .action(async (opts: { weeks: string }) => {
      const deps = await boot(loadConfig());
      try {
        const days = Math.max(1, Number(opts.weeks) || 8) * 7;
        const now = deps.clock();
        const start = now - days * 24 * 60 * 60 * 1000;
        const passwordHash = await deps.passwords.hash(DEMO_PASSWORD);
        // All or nothing: a failed seed leaves no half-made demo behind to trip the next attempt.
        const total = await deps.database.db.transaction().execute(async (trx) => {
          const tx = { ...deps, database: { ...deps.database, db: trx } };
          const couple = await seedJourney(tx, {
            people: [
              { email: 'alex@demo.steadfast.invalid', displayName: 'Alex', role: 'hurt' },
              { email: 'sam@demo.steadfast.invalid', displayName: 'Sam', role: 'broke_trust' },
            ],
            path: 'together',
            kinds: ['emotional_infidelity', 'secrets'],
            cameToLight: 'months_1_6',
            startedAt: start,
            passwordHash,
          });
          const solo = await seedJourney(tx, {
            people: [{ email: 'robin@demo.steadfast.invalid', displayName: 'Robin', role: 'hurt' }],
            path: 'solo',
            kinds: ['lying', 'financial'],
            cameToLight: 'months_6_12',
            startedAt: start,
            passwordHash,
          });
          const [alex, sam] = couple.members;
          const [robin] = solo.members;
          if (!alex || !sam || !robin) throw new Error('demo people missing');
          // Each person's check-ins are written as themself, in their own journey.
          const plan = [
            demoCheckins(alex, { start, days, seed: 1, shareEvery: 3 }),
            demoCheckins(sam, { start, days, seed: 2, shareEvery: 4 }),
            demoCheckins(robin, { start, days, seed: 3 }),
          ];
          const total = plan.reduce((n, checkins) => n + checkins.length, 0);
          const bar = progressBar('Writing check-ins', total);
          let done = 0;
          for (const checkins of plan) {
            await seedCheckins(tx, checkins);
            done += checkins.length;
            bar.update(done);
          }
          bar.finish();
          return total;
        });
        console.log(
          `Demo ready: ${total} check-ins over ${days} days.\n` +
            `Sign in as alex@demo.steadfast.invalid, sam@demo.steadfast.invalid (a couple) or robin@demo.steadfast.invalid (on their own), password "${DEMO_PASSWORD}".`,
        );
      } finally {
        await deps.database.close();
      }
    });

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  installZodMessages();
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    // Help, --version and usage errors: Commander has already written what to say.
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    const message = isDomainError(error)
      ? catalogue[error.code].detail
      : error instanceof Error
        ? error.message
        : String(error);
    console.error(`steadfast: ${message}`);
    process.exitCode = 1;
  }
}
