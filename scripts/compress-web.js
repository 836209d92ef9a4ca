#!/usr/bin/env node
// Writes .br (quality 11) and .gz (level 9) beside every text file of the built client, so the server
// sends compressed bytes without compressing anything per request. Run by `npm run build:web`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(process.argv[2] ?? 'dist/web');
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.webmanifest', '.txt']);

function* files(sub) {
  for (const entry of fs.readdirSync(sub, { withFileTypes: true })) {
    const full = path.join(sub, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (COMPRESSIBLE.has(path.extname(entry.name))) yield full;
  }
}

let before = 0;
let afterBr = 0;
for (const file of files(dir)) {
  const body = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  const gz = zlib.gzipSync(body, { level: 9 });
  // A form no smaller than the original is not worth sending; the server ignores it anyway.
  if (br.length < body.length) fs.writeFileSync(`${file}.br`, br);
  if (gz.length < body.length) fs.writeFileSync(`${file}.gz`, gz);
  before += body.length;
  afterBr += Math.min(br.length, body.length);
}
console.log(
  `compressed ${path.relative(process.cwd(), dir)}: ${(before / 1024).toFixed(1)} kB → ${(afterBr / 1024).toFixed(1)} kB with brotli`,
);
