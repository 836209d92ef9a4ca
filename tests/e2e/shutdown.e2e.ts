import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './server.js';

/**
 * `npm start` as a service manager runs it: SIGTERM goes to npm's own process only (Docker's
 * `docker stop`, `kill <pid>`), which is the case that used to leave node running on its own.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
/** The server's own limit is 8 s; this leaves room for npm to notice its child has gone. */
const EXIT_BOUND_MS = 15_000;

interface Started {
  readonly npm: ChildProcess;
  readonly port: number;
  readonly nodePid: number;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}
const started: Started[] = [];
const dataDirs: string[] = [];

afterEach(() => {
  for (const s of started.splice(0)) {
    if (s.npm.exitCode === null) s.npm.kill('SIGKILL');
    if (isRunning(s.nodePid)) process.kill(s.nodePid, 'SIGKILL');
  }
  for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves when the output contains `text`; rejects at the bound, or if npm exits first. */
function waitForOutput(s: Pick<Started, 'npm' | 'output'>, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!s.output().includes(text)) return;
      cleanup();
      resolve();
    };
    const bound = setTimeout(() => {
      cleanup();
      reject(new Error(`"${text}" did not appear in time:\n${s.output()}`));
    }, 30_000);
    const cleanup = () => {
      clearTimeout(bound);
      s.npm.stdout?.off('data', check);
    };
    s.npm.stdout?.on('data', check);
    check();
  });
}

async function npmStart(): Promise<Started> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steadfast-stop-'));
  dataDirs.push(dataDir);
  const npm = spawn('npm', ['start'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      STEADFAST_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', resolve));
  const partial = { npm, output: () => output };
  await waitForOutput(partial, 'Steadfast is running at');
  const line = output.split('\n').find((l) => l.includes('Steadfast is running at')) ?? '';
  const s = { ...partial, port, nodePid: (JSON.parse(line) as { pid: number }).pid, exited };
  started.push(s);
  return s;
}

/** Sends a sign-in's headers and half its body, so the request is under way until `finish`. */
function startSlowSignIn(port: number) {
  const body = JSON.stringify({ email: 'nobody@example.org', password: 'a wrong password' });
  const socket = net.connect(port, '127.0.0.1');
  let answer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (answer += chunk));
  socket.on('error', () => undefined);
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(answer)));
  socket.write(
    `POST /api/auth/signin HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Steadfast-CSRF: 1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
  );
  return { finish: () => socket.write(body.slice(10)), closed };
}

/** Resolves with npm's exit code, or "still running" at the bound. */
const exitWithin = (s: Started) =>
  Promise.race([
    s.exited,
    new Promise<'still running'>((resolve) =>
      setTimeout(() => resolve('still running'), EXIT_BOUND_MS).unref(),
    ),
  ]);

describe('stopping the server', () => {
  it('on SIGTERM to npm start, finishes the request under way, and node exits', async () => {
    const s = await npmStart();
    const request = startSlowSignIn(s.port);
    await waitForOutput(s, 'incoming request');
    s.npm.kill('SIGTERM');
    await waitForOutput(s, 'finishing the requests under way');
    request.finish();
    expect(await request.closed).toMatch(/^HTTP\/1\.1 401/);
    expect(await exitWithin(s)).toBe(0);
    expect(s.output()).toContain('Stopped.');
    expect(isRunning(s.nodePid)).toBe(false);
  });

  it('stops within its time limit even when a request never finishes', async () => {
    const s = await npmStart();
    startSlowSignIn(s.port);
    await waitForOutput(s, 'incoming request');
    s.npm.kill('SIGTERM');
    expect(await exitWithin(s)).not.toBe('still running');
    expect(s.output()).toContain('stopping anyway');
    expect(isRunning(s.nodePid)).toBe(false);
  });
});
