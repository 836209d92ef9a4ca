import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { t, type MessageKey } from './src/shared/i18n/messages.js';

const api = 'http://127.0.0.1:3000';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** index.html takes its few words from the message catalog too: `%t:app.name%`. */
const htmlMessages = (): Plugin => ({
  name: 'steadfast-html-messages',
  transformIndexHtml: (html) =>
    html.replace(/%t:([\w.]+)%/g, (_whole, key: string) =>
      t(key as MessageKey).replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c),
    ),
});

/**
 * The web client. Built files land in dist/web, which the server serves; in development Vite serves
 * the app and forwards the API and the server-rendered pages to a server started with `npm run dev`.
 */
export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  plugins: [react(), htmlMessages()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Keep the CSP strict: no asset is inlined as a data: URL.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: one long-cached vendor chunk.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/learn': api,
      '/help': api,
      '/site.css': api,
    },
  },
});
