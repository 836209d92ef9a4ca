/**
 * `npm run bench`: seeds 1,000 journeys × 200 check-ins into a fresh SQLite file, starts the built
 * server, and measures page 1 of check-in history for random signed-in members against a bare
 * node:http hello world, with autocannon at 50 connections. Prints the figures for the README,
 * including the highest ratio to bare that any page of sealed items could reach on this machine.
 */
import { fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoCheckins, seedCheckins, seedJourney } from '../src/cli/seed.js';
import { confirmTwoFactor, seedCaseload } from './caseload.js';
import { LONG_AGREEMENT_VERSIONS, seedDashboard, seedLongAgreement } from './dashboard.js';
import { seedMeetings } from './meetings.js';
import { seedQuestions } from './questions.js';
import {
  bundleSizes,
  fmt,
  freePort,
  load,
  measure,
  NOT_RUN,
  pageOpenMicros,
  peakRssMb,
  waitFor,
} from './measure.js';
import { progressBar } from '../src/cli/progress.js';
import { PAGE_SIZE_DEFAULT } from '../src/core/checkins/checkin.js';
import { createSession } from '../src/server/auth/sessions.store.js';
import { boot } from '../src/server/boot.js';
import { loadConfig } from '../src/server/config.js';

const JOURNEYS = Number(process.env.BENCH_JOURNEYS ?? 1000);
const CHECKINS_PER_JOURNEY = Number(process.env.BENCH_CHECKINS ?? 200);
const SIGNED_IN = 200;
/** Journeys that also get agreements, commitments and a year of their entries, and program marks. */
const DASHBOARD_JOURNEYS = Math.min(JOURNEYS, Number(process.env.BENCH_DASHBOARD_JOURNEYS ?? 200));
/** The therapist's linked clients (couples, each with a year of data) for the caseload scenarios. */
const CASELOAD_CLIENTS = Number(process.env.BENCH_CASELOAD_CLIENTS ?? 60);
/** The between-sessions summary's period: its default, asked for as the client screen asks. */
const SUMMARY_DAYS = 14;
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const settings = { connections: CONNECTIONS, durationS: DURATION_S };
const root = path.resolve(import.meta.dirname, '..');

async function seed(
  dataDir: string,
  masterKey: string,
): Promise<{
  cookies: string[];
  dashboardCookies: string[];
  logs: number;
  therapistCookies: string[];
  clientIds: string[];
}> {
  const config = loadConfig({
    STEADFAST_DATA_DIR: dataDir,
    STEADFAST_MASTER_KEY: masterKey,
    LOG_LEVEL: 'silent',
  });
  const deps = await boot(config);
  const passwordHash = await deps.passwords.hash('bench password 1');
  const start = Date.now() - 100 * 24 * 60 * 60 * 1000;
  const bar = progressBar('Seeding journeys', JOURNEYS);
  const members: { id: string }[] = [];
  const dashboardMembers: { id: string }[] = [];
  const now = Date.now();
  for (let j = 0; j < JOURNEYS; j++) {
    // One transaction per journey: its people, the journey and its check-ins land together.
    const pair = await deps.database.db.transaction().execute(async (trx) => {
      const tx = { ...deps, database: { ...deps.database, db: trx } };
      const seeded = await seedJourney(tx, {
        people: [
          { email: `a${j}@bench.invalid`, displayName: `A${j}`, role: 'hurt' },
          { email: `b${j}@bench.invalid`, displayName: `B${j}`, role: 'broke_trust' },
        ],
        path: 'together',
        kinds: ['secrets'],
        cameToLight: 'months_1_6',
        startedAt: start,
        passwordHash,
      });
      const [a, b] = seeded.members;
      if (!a || !b) throw new Error('seed failed');
      const checkins = [
        // About 100 each (a check-in on roughly two days in three), so both partners' items mix.
        ...demoCheckins(a, { start, days: 160, seed: j * 2 + 1, shareEvery: 3 }),
        ...demoCheckins(b, { start, days: 160, seed: j * 2 + 2, shareEvery: 3 }),
      ].slice(0, CHECKINS_PER_JOURNEY);
      await seedCheckins(tx, checkins);
      return { a, b, journeyId: seeded.journeyId };
    });
    const { a, b } = pair;
    members.push(a, b);
    if (j < DASHBOARD_JOURNEYS) {
      // Its own transaction: the dashboard's agreements, commitments, entries and program marks.
      await deps.database.db.transaction().execute(async (trx) => {
        const tx = { ...deps, database: { ...deps.database, db: trx } };
        await seedDashboard(tx, pair.journeyId, [a, b], now, j + 1);
        await seedLongAgreement(tx, pair.journeyId, [a, b], now, j + 1);
        // Step 4: a year of questions and answers, and a year of weekly check-in meetings.
        await seedQuestions(tx, pair.journeyId, [a, b], now, j + 1);
        await seedMeetings(tx, pair.journeyId, [a, b], now);
      });
      dashboardMembers.push(a, b);
    }
    bar.update(j + 1);
  }
  bar.finish();
  const signIn = async (from: readonly { id: string }[]): Promise<string[]> => {
    const cookies: string[] = [];
    for (let i = 0; i < SIGNED_IN; i++) {
      const m = from[Math.floor(Math.random() * from.length)];
      if (!m) continue;
      const token = await createSession(deps.database.db, m.id, Date.now(), {
        idleMs: 3_600_000,
        absoluteMs: 3_600_000,
      });
      cookies.push(`sf_session=${token}`);
    }
    return cookies;
  };
  const cookies = await signIn(members);
  const dashboardCookies = await signIn(dashboardMembers);
  // One therapist with their caseload, two-factor on (staff need it before any route answers).
  console.log(`Seeding a therapist with ${CASELOAD_CLIENTS} linked clients, a year of data each`);
  const seeded = await seedCaseload(deps, { clients: CASELOAD_CLIENTS, now, passwordHash });
  await confirmTwoFactor(deps, seeded.therapistId, now);
  const therapistToken = await createSession(deps.database.db, seeded.therapistId, Date.now(), {
    idleMs: 3_600_000,
    absoluteMs: 3_600_000,
  });
  const logs = await deps.database.db
    .selectFrom('commitment_logs')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  await deps.database.close();
  return {
    cookies,
    dashboardCookies,
    logs: Number(logs.n),
    therapistCookies: [`sf_session=${therapistToken}`],
    clientIds: seeded.clientIds,
  };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steadfast-bench-'));
  const masterKey = randomBytes(32).toString('base64');
  console.log(`Seeding ${JOURNEYS} journeys × ${CHECKINS_PER_JOURNEY} check-ins into ${dataDir}`);
  const t0 = Date.now();
  const { cookies, dashboardCookies, logs, therapistCookies, clientIds } = await seed(
    dataDir,
    masterKey,
  );
  console.log(
    `Seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s (${DASHBOARD_JOURNEYS} journeys with a year of commitment entries, ${logs} entries)`,
  );

  const appPort = await freePort();
  const server = spawn(
    process.execPath,
    [
      // The same V8 settings as `npm start`: a smaller young generation, and an old generation
      // capped at 128 MB so that V8 collects before growing its heap under a burst of large
      // responses (50 commitments reads at once took peak RSS from ~160 to ~260 MB without it).
      '--max-semi-space-size=8',
      '--max-old-space-size=128',
      // More V8 flags to try, e.g. BENCH_NODE_FLAGS="--max-old-space-size=128".
      ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      ...(process.env.BENCH_PROFILE
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE]
        : []),
      path.join(root, 'dist', 'server', 'main.js'),
    ],
    {
      env: {
        ...process.env,
        PORT: String(appPort),
        STEADFAST_DATA_DIR: dataDir,
        STEADFAST_MASTER_KEY: masterKey,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const helloPort = await freePort();
  const hello = fork(path.join(import.meta.dirname, 'hello.ts'), {
    env: { ...process.env, PORT: String(helloPort) },
    execArgv: ['--import', 'tsx'],
  });
  try {
    await waitFor(`http://127.0.0.1:${appPort}/api/health`, server);
    await new Promise<void>((r) => hello.once('message', () => r()));

    const url = `http://127.0.0.1:${appPort}/api/checkins`;
    const check = await fetch(url, { headers: { cookie: cookies[0] ?? '' } });
    const page = (await check.json()) as { items: unknown[] };
    if (!check.ok || page.items.length !== PAGE_SIZE_DEFAULT)
      throw new Error(`history page is wrong: ${check.status}`);

    const programUrl = `http://127.0.0.1:${appPort}/api/program`;
    const commitmentsUrl = `http://127.0.0.1:${appPort}/api/commitments`;
    const dashboardCheck = await fetch(commitmentsUrl, {
      headers: { cookie: dashboardCookies[0] ?? '' },
    });
    const dashboard = (await dashboardCheck.json()) as {
      mine: {
        logs: unknown[];
        reliability: { kept: number; missed: number; pending: number };
      }[];
    };
    // The response lists the newest entries; the reliability counts the whole year.
    const mineLogs = dashboard.mine.reduce(
      (n, c) => n + c.reliability.kept + c.reliability.missed + c.reliability.pending,
      0,
    );
    if (!dashboardCheck.ok || dashboard.mine.length !== 2 || mineLogs < 400)
      throw new Error(`dashboard commitments are wrong: ${dashboardCheck.status}`);
    const programCheck = await fetch(programUrl, {
      headers: { cookie: dashboardCookies[0] ?? '' },
    });
    if (!programCheck.ok) throw new Error(`dashboard program is wrong: ${programCheck.status}`);
    const trendsCheck = await fetch(`${commitmentsUrl}/trends`, {
      headers: { cookie: dashboardCookies[0] ?? '' },
    });
    const weekly = (await trendsCheck.json()) as { commitments: { trend: unknown[] }[] };
    // A year of entries, one point a week (the weekly commitments have a few pending at the end).
    if (
      !trendsCheck.ok ||
      weekly.commitments.length !== 4 ||
      !weekly.commitments.every((c) => c.trend.length >= 40)
    )
      throw new Error(`commitment trends are wrong: ${trendsCheck.status}`);
    const commitmentsBytes = JSON.stringify(dashboard).length;
    const agreementsUrl = `http://127.0.0.1:${appPort}/api/agreements`;
    const agreementsCheck = await fetch(agreementsUrl, {
      headers: { cookie: dashboardCookies[0] ?? '' },
    });
    const agreed = (await agreementsCheck.json()) as {
      agreements: { versions: { diff: unknown[] | null }[] }[];
    };
    // The four short agreements and the long one with a diff between each of its versions.
    if (
      !agreementsCheck.ok ||
      agreed.agreements.length !== 5 ||
      !agreed.agreements.some(
        (a) =>
          a.versions.length === LONG_AGREEMENT_VERSIONS &&
          a.versions.slice(1).every((v) => (v.diff?.length ?? 0) > 1),
      )
    )
      throw new Error(`agreements are wrong: ${agreementsCheck.status}`);

    // Step 4: the questions thread (its first page) and the meeting page, each with a year behind it.
    const questionsUrl = `http://127.0.0.1:${appPort}/api/questions`;
    const meetingsUrl = `http://127.0.0.1:${appPort}/api/meetings`;
    const questionsCheck = await fetch(questionsUrl, {
      headers: { cookie: dashboardCookies[0] ?? '' },
    });
    const questionsBody = await questionsCheck.text();
    if (!questionsCheck.ok || !/"answers":\[\{/.test(questionsBody))
      throw new Error(
        `questions thread is wrong: ${questionsCheck.status} ${questionsBody.slice(0, 200)}`,
      );
    const meetingsCheck = await fetch(meetingsUrl, {
      headers: { cookie: dashboardCookies[0] ?? '' },
    });
    const meetingsBody = await meetingsCheck.text();
    if (!meetingsCheck.ok || !meetingsBody.includes('"schedule":{'))
      throw new Error(
        `meeting page is wrong: ${meetingsCheck.status} ${meetingsBody.slice(0, 200)}`,
      );

    // The therapist's side: the caseload, and each client's summary of the last 14 days in turn.
    const caseloadUrl = `http://127.0.0.1:${appPort}/api/therapist/caseload`;
    const sinceDay = new Date(Date.now() - SUMMARY_DAYS * 86_400_000).toISOString().slice(0, 10);
    const summaryPaths = clientIds.map(
      (id) => `/api/therapist/clients/${id}/summary?since=${sinceDay}`,
    );
    const summaryUrl = `http://127.0.0.1:${appPort}${summaryPaths[0] ?? ''}`;
    const therapistHeaders = { cookie: therapistCookies[0] ?? '' };
    const caseloadCheck = await fetch(caseloadUrl, { headers: therapistHeaders });
    const caseloadBody = await caseloadCheck.text();
    const caseloaded = caseloadCheck.ok
      ? (JSON.parse(caseloadBody) as { entries: { clients: unknown[] }[] })
      : undefined;
    if (
      caseloadCheck.status !== 200 ||
      caseloaded?.entries.reduce((n, e) => n + e.clients.length, 0) !== CASELOAD_CLIENTS
    )
      throw new Error(`caseload is wrong: ${caseloadCheck.status} ${caseloadBody.slice(0, 200)}`);
    const summaryCheck = await fetch(summaryUrl, { headers: therapistHeaders });
    const summaryBody = await summaryCheck.text();
    const summarized = summaryCheck.ok
      ? (JSON.parse(summaryBody) as {
          kind: string;
          people: { checkins: { count: number } | null; screens: { results: unknown[] } | null }[];
        })
      : undefined;
    // A couple: both partners' check-ins of the period and their screens (every two weeks).
    if (
      summaryCheck.status !== 200 ||
      summarized?.kind !== 'couple' ||
      !summarized.people.every((p) => (p.checkins?.count ?? 0) > 0 && p.screens !== null)
    )
      throw new Error(`summary is wrong: ${summaryCheck.status} ${summaryBody.slice(0, 200)}`);

    // Peak RSS is a high-water mark: read after each scenario, it says which one raised it.
    const rssAfter: Record<string, number> = { start: peakRssMb(server.pid ?? 0) };
    // BENCH_ONLY=program (say) measures one scenario, e.g. with BENCH_PROFILE for its CPU profile.
    const only = process.env.BENCH_ONLY;
    const names = [
      'history',
      'program',
      'commitments',
      'trends',
      'agreements',
      'questions',
      'meetings',
      'caseload',
      'summary',
    ];
    if (only && only !== 'none' && !names.includes(only))
      throw new Error(`BENCH_ONLY must be one of ${names.join(', ')} (or none: seed only)`);
    const scenario = async (name: string, at: string, from: string[], paths?: string[]) => {
      if (only && only !== name) return fmt(NOT_RUN);
      await load(settings, at, from.slice(0, 10), paths); // warm-up
      const result = await measure(settings, server.pid ?? 0, at, from, paths);
      rssAfter[name] = peakRssMb(server.pid ?? 0);
      return result;
    };
    const app = await scenario('history', url, cookies);
    const program = await scenario('program', programUrl, dashboardCookies);
    const commitments = await scenario('commitments', commitmentsUrl, dashboardCookies);
    const trends = await scenario('trends', `${commitmentsUrl}/trends`, dashboardCookies);
    const agreements = await scenario('agreements', agreementsUrl, dashboardCookies);
    const questions = await scenario('questions', questionsUrl, dashboardCookies);
    const meetings = await scenario('meetings', meetingsUrl, dashboardCookies);
    const caseload = await scenario('caseload', caseloadUrl, therapistCookies);
    const summary = await scenario('summary', summaryUrl, therapistCookies, summaryPaths);
    // The floor of our own stack: no session, one trivial query, all hooks and headers.
    const measureHealth = () =>
      measure(settings, server.pid ?? 0, `http://127.0.0.1:${appPort}/api/health`);
    if (only) {
      // The health check too, so one scenario's CPU per request reads against the stack's floor.
      const health = await measureHealth();
      const measured = {
        history: app,
        program,
        commitments,
        trends,
        agreements,
        questions,
        meetings,
        caseload,
        summary,
      };
      console.log({ ...measured, health, rssAfter });
      const cpu = measured[only as keyof typeof measured]?.cpu ?? 0;
      if (cpu > 0 && health.cpu > 0)
        console.log(
          `${only}: ${cpu} µs server CPU per request, ${(cpu / health.cpu).toFixed(1)}× the health check's ${health.cpu} µs`,
        );
      return;
    }
    const health = await measureHealth();
    const bare = await measure(settings, hello.pid ?? 0, `http://127.0.0.1:${helloPort}/`);
    const rss = peakRssMb(server.pid ?? 0);
    const sizes = bundleSizes(root);
    const ratio = app.rps / bare.rps;
    const openUs = pageOpenMicros();
    // Per-request CPU: bare = 1e6 / bare rps; the stack's floor = 1e6 / health rps. A sealed page
    // costs at least the floor plus opening its items, so its ratio cannot exceed this.
    const ceiling = 1e6 / bare.rps / (1e6 / health.rps + openUs);

    const line = (name: string, r: ReturnType<typeof fmt>) =>
      `| ${name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.cpu} | ${r.errors} |`;
    console.log(
      `\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    );
    console.log(
      `${CONNECTIONS} connections, ${DURATION_S} s each, ${JOURNEYS} journeys × ${CHECKINS_PER_JOURNEY} check-ins (SQLite)\n`,
    );
    console.log('| scenario | requests/s | p50 ms | p99 ms | server CPU µs/request | errors |');
    console.log('|---|---|---|---|---|---|');
    console.log(line('check-in history, page 1 (signed in)', app));
    console.log(line('journey dashboard: program (a year of commitment entries)', program));
    console.log(line('commitments page: list (a year of entries)', commitments));
    console.log(line('commitments page: weekly trends (6 charts)', trends));
    console.log(
      line(
        `agreements page: 5 agreements, one with ${LONG_AGREEMENT_VERSIONS} versions of ~2,000 characters`,
        agreements,
      ),
    );
    console.log(line('questions thread, first page (a year of questions and answers)', questions));
    console.log(line('meeting page (a year of weekly meetings behind it)', meetings));
    console.log(
      line(
        `therapist's caseload: ${CASELOAD_CLIENTS} linked clients (${CASELOAD_CLIENTS / 2} couples)`,
        caseload,
      ),
    );
    console.log(
      line(
        `between-sessions summary, ${SUMMARY_DAYS} days (a couple, a year of data; the ${CASELOAD_CLIENTS} clients in turn)`,
        summary,
      ),
    );
    console.log(line('health check (no session, select 1)', health));
    console.log(line('bare node:http hello world', bare));
    console.log(
      `\nhealth check ratio to bare: ${(health.rps / bare.rps).toFixed(2)} (the stack's own floor)`,
    );
    console.log(
      `opening one page of ${PAGE_SIZE_DEFAULT} sealed check-ins: ${openUs.toFixed(0)} µs · highest ratio a sealed page can reach: ${ceiling.toFixed(2)}`,
    );
    console.log(
      `ratio to bare: ${ratio.toFixed(2)} (reported; see README) · p99 ${app.p99} ms (budget < 20) · peak server RSS ${rss.toFixed(0)} MB (budget ≤ 200)`,
    );
    console.log(
      `dashboard p99: program ${program.p99} ms, commitments ${commitments.p99} ms, trends ${trends.p99} ms (budget < 20) · one commitments response: ${mineLogs} of my entries, ${(commitmentsBytes / 1024).toFixed(0)} KB`,
    );
    const ofHealth = (r: { cpu: number }) =>
      health.cpu > 0 ? `${(r.cpu / health.cpu).toFixed(1)}×` : '-';
    console.log(
      `step 4, server CPU per request against the health check's ${health.cpu} µs: questions ${ofHealth(questions)}, meeting page ${ofHealth(meetings)} (goal ≤ 4×)`,
    );
    console.log(
      `therapist's side, server CPU per request against the health check's ${health.cpu} µs: caseload ${ofHealth(caseload)}, summary ${ofHealth(summary)} (goal ≤ 4×)`,
    );
    console.log(
      `peak server RSS after each scenario: ${Object.entries(rssAfter)
        .map(([k, v]) => `${k} ${v.toFixed(0)} MB`)
        .join(' · ')}`,
    );
    console.log(
      `app shell JS: ${sizes.shellKb.toFixed(1)} KB gzip (budget ≤ 150) · largest route chunk: ${sizes.largestRouteKb.toFixed(1)} KB gzip (${sizes.largestRoute}, budget ≤ 50)`,
    );
    const over = [
      app.p99 >= 20 && 'p99',
      program.p99 >= 20 && 'dashboard program p99',
      commitments.p99 >= 20 && 'commitments p99',
      trends.p99 >= 20 && 'trends p99',
      agreements.p99 >= 20 && 'agreements p99',
      rss > 200 && 'RSS',
      sizes.shellKb > 150 && 'shell size',
      sizes.largestRouteKb > 50 && 'route chunk size',
      app.errors +
        program.errors +
        commitments.errors +
        trends.errors +
        agreements.errors +
        questions.errors +
        meetings.errors +
        caseload.errors +
        summary.errors >
        0 && 'errors',
    ].filter(Boolean);
    console.log(over.length ? `OVER BUDGET: ${over.join(', ')}` : 'All budgets met.');
  } finally {
    server.kill('SIGTERM');
    hello.kill('SIGTERM');
    if (process.env.BENCH_KEEP) {
      // Throwaway data: the key is printed so the kept database can be opened again to study it.
      console.log(`Kept ${dataDir} (STEADFAST_MASTER_KEY=${masterKey})`);
    } else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
