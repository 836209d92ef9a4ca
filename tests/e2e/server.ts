import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Stands in for the neutral site Quick exit leaves for (the machine has no outside network). */
    neutralUrl: string;
  }
}

/** A plain page on another origin, like the weather site Quick exit goes to by default. */
async function startNeutralSite(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Weather</title><h1>Weather today</h1>');
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/weather`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const root = path.resolve(import.meta.dirname, '..', '..');
const START_TIMEOUT_MS = 30_000;

/** A port nothing listens on now (the OS picks one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Resolves when the server logs that it is listening, and fails early if it exits instead (or has
 * not started by the deadline). Waiting on the log line, not on time, keeps start-up exact.
 */
function waitUntilUp(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      cleanup();
      reject(new Error(`The server did not start in time:\n${output()}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      if (output().includes('Steadfast is running at')) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`The server exited with code ${String(code)}:\n${output()}`));
    };
    const cleanup = () => {
      clearTimeout(deadline);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
}

/**
 * Starts the built server on a free port with a fresh data folder (and a stand-in neutral site),
 * with any extra settings. The browser tests share one; a test file needing its own settings or a
 * fresh instance (e.g. its own administrator) starts another.
 */
export async function startServer(
  extraEnv: Record<string, string> = {},
): Promise<{ baseUrl: string; neutralUrl: string; stop: () => Promise<void> }> {
  for (const built of ['dist/server/main.js', 'dist/web/index.html']) {
    if (!fs.existsSync(path.join(root, built))) {
      throw new Error(`${built} is missing: run \`npm run build\` before the browser tests.`);
    }
  }
  const neutral = await startNeutralSite();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steadfast-e2e-'));
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_ORIGIN: baseUrl,
      STEADFAST_DATA_DIR: dataDir,
      QUICK_EXIT_URL: neutral.url,
      // Each test context sends its own X-Forwarded-For (support.ts newContext): one device, one address.
      TRUST_PROXY: '127.0.0.1',
      // info, so the start-up line can be waited on; the output is shown only when start-up fails.
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Kept for the error message if start-up fails; capped because request logs keep coming.
  const collect = (chunk: Buffer) => {
    if (output.length < 1_000_000) output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    await neutral.close();
  };

  try {
    await waitUntilUp(child, () => output);
    // Fail at once, not test by test, when the server does not hand out the built app shell.
    const shell = await fetch(`${baseUrl}/signin`);
    if (shell.status !== 200 || !(await shell.text()).includes('<div id="root">')) {
      throw new Error(
        `GET /signin answered ${shell.status} instead of the app shell (dist/web/index.html).`,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, neutralUrl: neutral.url, stop };
}

/** Starts the built server for the browser tests and stops it afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { baseUrl, neutralUrl, stop } = await startServer();
  project.provide('baseUrl', baseUrl);
  project.provide('neutralUrl', neutralUrl);
  return stop;
}
