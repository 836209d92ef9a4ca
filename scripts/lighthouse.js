#!/usr/bin/env node
// Measures the public pages with Lighthouse (mobile, its default) against a server already running,
// and prints each page's scores and CLS. Lighthouse is not a dependency: it is fetched by npx.
//   node scripts/lighthouse.js http://127.0.0.1:3000 [runs] [path ...]
// Each page runs `runs` times (default 3) and the median performance score is reported.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [base = 'http://127.0.0.1:3000', runsArg = '3', ...paths] = process.argv.slice(2);
const runs = Number(runsArg);
const pages = paths.length ? paths : ['/', '/learn/how-repair-works', '/help', '/signin'];
const flags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
].join(' ');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'steadfast-lighthouse-'));
const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const page of pages) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const file = path.join(out, `run-${results.length}.json`);
    execFileSync(
      'npx',
      [
        '--yes',
        'lighthouse@12.2.3',
        base + page,
        '--quiet',
        '--only-categories=performance,accessibility',
        `--chrome-flags=${flags}`,
        '--output=json',
        `--output-path=${file}`,
      ],
      { env, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    results.push({
      performance: Math.round(report.categories.performance.score * 100),
      accessibility: Math.round(report.categories.accessibility.score * 100),
      lcp: report.audits['largest-contentful-paint'].numericValue / 1000,
      cls: report.audits['cumulative-layout-shift'].numericValue,
      tbt: report.audits['total-blocking-time'].numericValue,
    });
  }
  const perf = results.map((r) => r.performance);
  const best = results.find((r) => r.performance === median(perf));
  console.log(
    `${page}: performance ${median(perf)} (runs ${perf.join(', ')}), accessibility ${best.accessibility}, ` +
      `LCP ${best.lcp.toFixed(1)} s, CLS ${best.cls.toFixed(3)}, TBT ${Math.round(best.tbt)} ms`,
  );
}
fs.rmSync(out, { recursive: true, force: true });
