/**
 * The bench's measuring tools: free ports, waiting for a server, autocannon runs with the server's
 * own CPU time per request, peak RSS from /proc, the client's bundle sizes, and what opening one
 * page of sealed items costs in this process. bench/run.ts seeds and runs the scenarios.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { PAGE_SIZE_DEFAULT } from '../src/core/checkins/checkin.js';
import { createSealer } from '../src/server/crypto/sealing.js';

/** How hard and how long each run loads the server. */
export interface LoadSettings {
  readonly connections: number;
  readonly durationS: number;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

export async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setImmediate(r));
  }
}

/** Peak resident set size (VmHWM) of a process and its children, in MB. */
export const peakRssMb = (pid: number): number => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const own = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  const children = fs
    .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .split(' ')
    .filter(Boolean)
    .map(Number);
  return own + children.reduce((sum, child) => sum + peakRssMb(child), 0);
};

/**
 * Loads `url`, each request with a random one of `cookies` when given; with `paths`, the requests
 * take those paths (and query strings) in turn instead of the URL's own.
 */
export function load(
  settings: LoadSettings,
  url: string,
  cookies?: string[],
  paths?: readonly string[],
): Promise<autocannon.Result> {
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: settings.connections,
        duration: settings.durationS,
        ...(cookies || paths
          ? {
              requests: [
                {
                  setupRequest: (req) => ({
                    ...req,
                    ...(paths?.length ? { path: paths[next++ % paths.length] } : {}),
                    headers: {
                      ...req.headers,
                      ...(cookies
                        ? { cookie: cookies[Math.floor(Math.random() * cookies.length)] ?? '' }
                        : {}),
                    },
                  }),
                },
              ],
            }
          : {}),
      },
      (err: unknown, result) =>
        err ? reject(err instanceof Error ? err : new Error('autocannon failed')) : resolve(result),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false });
  });
}

export function bundleSizes(root: string): {
  shellKb: number;
  largestRouteKb: number;
  largestRoute: string;
} {
  const webDir = path.join(root, 'dist', 'web');
  if (!fs.existsSync(path.join(webDir, 'index.html')))
    return { shellKb: NaN, largestRouteKb: NaN, largestRoute: 'web not built' };
  const index = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const shellFiles = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  const gz = (file: string) => gzipSync(fs.readFileSync(path.join(webDir, file))).length / 1024;
  const shellKb = shellFiles.reduce((n, f) => n + gz(f), 0);
  const routes = fs
    .readdirSync(path.join(webDir, 'assets'))
    .filter((f) => f.endsWith('.js') && !shellFiles.includes(`/assets/${f}`))
    .map((f) => ({ f, kb: gz(`/assets/${f}`) }))
    .sort((a, b) => b.kb - a.kb);
  return { shellKb, largestRouteKb: routes[0]?.kb ?? 0, largestRoute: routes[0]?.f ?? '-' };
}

/**
 * Microseconds to open one page of sealed check-ins (AES-256-GCM, one value per item) in this
 * process. With the stack's own floor (the health check) it bounds the ratio any sealed read can
 * reach: see the README's bench section.
 */
export function pageOpenMicros(): number {
  const sealer = createSealer(randomBytes(32));
  const { dataKey } = sealer.newDataKey('bench');
  const content = JSON.stringify({
    feelings: [
      { feeling: 'hurt', intensity: 6 },
      { feeling: 'anxiety', intensity: 4 },
      { feeling: 'hope', intensity: 3 },
    ],
    note: 'A slow evening. We talked for a while and it helped a little.',
  });
  const page = Array.from({ length: PAGE_SIZE_DEFAULT }, (_, i) => {
    const ctx = { table: 'checkins', id: `c${i}`, field: 'content' };
    return { ctx, sealed: sealer.seal(dataKey, content, ctx) };
  });
  const openPage = () => {
    for (const p of page) JSON.parse(sealer.open(dataKey, p.sealed, p.ctx));
  };
  for (let i = 0; i < 5_000; i++) openPage();
  const rounds = 20_000;
  const t = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) openPage();
  return Number(process.hrtime.bigint() - t) / rounds / 1000;
}

export const NOT_RUN = {
  requests: { average: 0 },
  latency: { p50: 0, p99: 0 },
  errors: 0,
  timeouts: 0,
  non2xx: 0,
} as autocannon.Result;

export const fmt = (r: autocannon.Result, cpuUs = 0) => ({
  rps: Math.round(r.requests.average),
  p50: r.latency.p50,
  p99: r.latency.p99,
  errors: r.errors + r.non2xx,
  /** Of the errors: requests still unanswered after autocannon's 10 s, and answers not 2xx. */
  timeouts: r.timeouts,
  non2xx: r.non2xx,
  /** The server's own CPU time per request (user + system), in µs. */
  cpu: r.requests.total > 0 ? Math.round(cpuUs / r.requests.total) : 0,
});

/**
 * CPU time a process has used so far (user + system), in µs. Steadier than requests a second on a
 * shared machine, where the load generator and other tenants take turns with the server.
 */
const cpuMicros = (pid: number): number => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // After "pid (name) ", utime and stime are the 12th and 13th fields, in clock ticks: 100 a
  // second on Linux (USER_HZ, fixed for the /proc interface whatever the kernel's own tick).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
};

/** One measured run against a server process: the load's figures and the server's CPU per request. */
export async function measure(
  settings: LoadSettings,
  pid: number,
  url: string,
  cookies?: string[],
  paths?: readonly string[],
) {
  const before = cpuMicros(pid);
  const result = await load(settings, url, cookies, paths);
  return fmt(result, cpuMicros(pid) - before);
}
