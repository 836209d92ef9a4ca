import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminExists } from '../../auth/users.store.js';
import type { Deps } from '../../deps.js';
import { access } from '../../http/access.js';
import { compressedBody, sendStatic, staticBody, type StaticBody } from '../../http/static-body.js';
import { notFoundPage } from '../../pages/not-found.js';

/** Client-side routes of the single-page app; everything else that is not a file is a 404 page. */
export const spaPaths = ['/signin', '/signup', '/join', '/therapist-invite', '/app', '/app/*'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Stands in sw.js for the build's fingerprint, so a new build empties the old offline cache. */
export const SW_VERSION_MARK = '__STEADFAST_BUILD__';

/**
 * Serves the built client from STEADFAST_WEB_DIR. Files and the .br/.gz the build wrote beside them
 * are read once at start (the build is small); hashed assets are cached for a year, the rest
 * revalidates by ETag, and the app shell is never stored.
 */
export function registerWebRoutes(app: FastifyInstance, deps: Deps): void {
  const dir = deps.config.webDir;
  const files = new Map<string, StaticBody>();
  const read = (rel: string) => {
    const file = path.join(dir, rel);
    return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
  };
  const walk = (sub: string) => {
    const full = path.join(dir, sub);
    if (!fs.existsSync(full)) return;
    for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
      const rel = path.posix.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else {
        const type = TYPES[path.extname(entry.name)];
        const url = `/${rel}`;
        if (!type) continue;
        const cacheControl = url.startsWith('/assets/') // Vite names every file there by its hash
          ? 'public, max-age=31536000, immutable'
          : url === '/sw.js'
            ? 'no-cache'
            : 'public, max-age=3600';
        const body = read(rel) as Buffer;
        files.set(
          url,
          staticBody(body, type, cacheControl, { br: read(`${rel}.br`), gzip: read(`${rel}.gz`) }),
        );
      }
    }
  };
  walk('');
  const shellBody = files.get('/index.html');
  files.delete('/index.html');
  // The shell is stored nowhere: a page that held the app is not brought back from any cache.
  const shell = shellBody && { ...shellBody, cacheControl: 'no-store' };

  // The worker's cache is named after everything built, so any new build starts a fresh one.
  const worker = read('sw.js');
  if (worker) {
    const build = createHash('sha256');
    for (const [url, file] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      if (url !== '/sw.js') build.update(url).update(file.encodings.identity?.etag ?? '');
    }
    const version = build.digest('base64url').slice(0, 12);
    files.set(
      '/sw.js',
      compressedBody(
        worker.toString('utf8').replaceAll(SW_VERSION_MARK, version),
        TYPES['.js'] as string,
        'no-cache',
      ),
    );
  }

  const sendShell = (request: FastifyRequest, reply: FastifyReply) =>
    shell
      ? sendStatic(request, reply, shell)
      : reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send(
            'The web app has not been built yet. Run `npm run build`, then start the server again.',
          );

  for (const url of spaPaths) {
    app.get(url, { config: access('public'), schema: { hide: true } }, (request, reply) =>
      sendShell(request, reply),
    );
  }

  // The setup page exists only until an administrator has been created.
  app.get(
    '/setup',
    { config: access('public'), schema: { hide: true } },
    async (request, reply) => {
      if (await adminExists(deps.database.db)) {
        return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage());
      }
      return sendShell(request, reply);
    },
  );

  for (const [url, file] of files) {
    app.get(url, { config: access('public'), schema: { hide: true } }, (request, reply) =>
      sendStatic(request, reply, file),
    );
  }
}
