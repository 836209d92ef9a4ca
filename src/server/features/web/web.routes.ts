import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { adminExists } from '../../auth/users.store.js';
import type { Deps } from '../../deps.js';
import { access } from '../../http/access.js';
import { notFoundPage } from '../../pages/not-found.js';

/** Client-side routes of the single-page app; everything else that is not a file is a 404 page. */
export const spaPaths = ['/signin', '/signup', '/join', '/app', '/app/*'];

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

/**
 * Serves the built client from STEADFAST_WEB_DIR. Files are read once at start (the build is small),
 * hashed assets are cached for a year, and the app shell is never cached.
 */
export function registerWebRoutes(app: FastifyInstance, deps: Deps): void {
  const dir = deps.config.webDir;
  const files = new Map<string, { body: Buffer; type: string }>();
  const walk = (sub: string) => {
    const full = path.join(dir, sub);
    if (!fs.existsSync(full)) return;
    for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
      const rel = path.posix.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else {
        const type = TYPES[path.extname(entry.name)];
        if (type) files.set(`/${rel}`, { body: fs.readFileSync(path.join(dir, rel)), type });
      }
    }
  };
  walk('');
  const shell = files.get('/index.html');
  files.delete('/index.html');

  const sendShell = (reply: FastifyReply) =>
    shell
      ? reply
          .headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
          .send(shell.body)
      : reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send(
            'The web app has not been built yet. Run `npm run build`, then start the server again.',
          );

  for (const url of spaPaths) {
    app.get(url, { config: access('public'), schema: { hide: true } }, (_request, reply) =>
      sendShell(reply),
    );
  }

  // The setup page exists only until an administrator has been created.
  app.get(
    '/setup',
    { config: access('public'), schema: { hide: true } },
    async (_request, reply) => {
      if (await adminExists(deps.database.db)) {
        return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage());
      }
      return sendShell(reply);
    },
  );

  for (const [url, file] of files) {
    const immutable = url.startsWith('/assets/');
    app.get(url, { config: access('public'), schema: { hide: true } }, (_request, reply) =>
      reply
        .headers({
          'content-type': file.type,
          'cache-control': immutable
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=3600',
        })
        .send(file.body),
    );
  }
}
