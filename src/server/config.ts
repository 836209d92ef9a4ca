import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every setting, read once at boot from the environment. The README's configuration table is
 * checked against this schema by a test, so a variable cannot be added without documenting it.
 */
export const configSchema = z.object({
  PORT: positiveInt(3000).describe('Port the server listens on.'),
  HOST: z.string().default('127.0.0.1').describe('Address the server binds to.'),
  PUBLIC_ORIGIN: z
    .url()
    .optional()
    .describe(
      'The address people use to reach the app, e.g. https://steadfast.example.org. Used in invite links and to check the Origin of requests. Defaults to http://localhost:PORT.',
    ),
  STEADFAST_DATA_DIR: z
    .string()
    .default('data')
    .describe('Folder for the SQLite database and the master key file.'),
  DATABASE_URL: z
    .string()
    .optional()
    .describe(
      'A postgres:// URL to use PostgreSQL; when unset the app uses SQLite in STEADFAST_DATA_DIR.',
    ),
  STEADFAST_MASTER_KEY: z
    .string()
    .optional()
    .describe(
      'Base64 of 32 random bytes that seals private content. When unset, a key file is created in STEADFAST_DATA_DIR (mode 0600) on first run.',
    ),
  SESSION_IDLE_MINUTES: positiveInt(30).describe('Sign out after this many minutes without use.'),
  SESSION_IDLE_DISCREET_MINUTES: positiveInt(5).describe(
    'In discreet mode (and so in safety mode), sign out after this many minutes without use.',
  ),
  QUICK_EXIT_URL: z
    .url()
    .refine((u) => /^https?:/.test(u), { message: 'must be an http(s) address' })
    .default('https://www.bbc.co.uk/weather')
    .describe(
      'The neutral site that Quick exit (button or Shift three times) replaces the page with.',
    ),
  SESSION_ABSOLUTE_HOURS: positiveInt(12).describe(
    'Sign out this many hours after signing in, whatever the use.',
  ),
  TRUST_PROXY: z
    .string()
    .default('false')
    .superRefine((value, ctx) => {
      const problem = trustProxyProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe(
      'Behind a reverse proxy: how many proxies stand in front of the app (e.g. 1), or their addresses or CIDR ranges, comma-separated (e.g. 127.0.0.1). Client addresses then come from X-Forwarded-For, read from the right past those proxies only. Not true: that would trust whatever the client writes.',
    ),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('How much the server logs.'),
  STEADFAST_CONTENT_DIR: z
    .string()
    .default(path.join(packageRoot, 'content'))
    .describe(
      'Folder with the Learn pages and data files (the content/ folder of this repository).',
    ),
  STEADFAST_DEFAULT_COUNTRY: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, { error: 'must be a two-letter country code, like GB' }))
    .optional()
    .describe(
      'Two-letter code of the country whose crisis lines people see until they choose their own (one of the crisis list\'s countries, e.g. GB). The administrator can change it in Practice settings. When unset, they see the "anywhere else" advice.',
    ),
  SMTP_URL: z
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), { message: 'must be an smtp:// or smtps:// address' })
    .optional()
    .describe(
      'Where outgoing mail goes, e.g. smtps://user:password@mail.example.org:465. When unset, mail is kept in the outbox the administrator can read.',
    ),
  MAIL_FROM: z
    .string()
    .trim()
    .min(3)
    .default('Steadfast <no-reply@localhost>')
    .describe('The From address of outgoing mail.'),
  STEADFAST_WEB_DIR: z
    .string()
    .default(path.join(packageRoot, 'dist', 'web'))
    .describe('Folder with the built web client (dist/web after npm run build).'),
});

/** Named ranges that Fastify's proxy-addr understands, besides addresses and CIDRs. */
const proxyRangeNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (proxyRangeNames.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

function trustProxyProblem(value: string): string | undefined {
  if (value === 'false' || /^[1-9]\d*$/.test(value)) return undefined;
  if (value === 'true') {
    return 'true would trust the left-most X-Forwarded-For entry, which the client writes itself. Give the number of proxies in front of the app (1 for one nginx or Caddy) or their addresses (e.g. 127.0.0.1).';
  }
  const bad = value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => !isAddressOrCidr(e));
  return bad.length === 0
    ? undefined
    : `expected false, a number of proxies (e.g. 1), or addresses/CIDR ranges separated by commas; not an address: ${bad.join(', ')}`;
}

function parseTrustProxy(value: string): Config['trustProxy'] {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return Object.freeze(value.split(',').map((e) => e.trim()));
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly publicOrigin: string;
  /** False when PUBLIC_ORIGIN was not set: then the app also accepts its own Host as the origin. */
  readonly publicOriginSet: boolean;
  readonly secureCookies: boolean;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly masterKey: string | undefined;
  readonly sessionIdleMs: number;
  readonly sessionIdleDiscreetMs: number;
  readonly quickExitUrl: string;
  readonly sessionAbsoluteMs: number;
  /** False, a number of proxy hops, or the proxies' addresses and CIDR ranges. */
  readonly trustProxy: false | number | readonly string[];
  readonly logLevel: string;
  readonly contentDir: string;
  readonly webDir: string;
  /** Checked against the crisis lines at start (boot.ts), where the list is known. */
  readonly defaultCountry: string | undefined;
  /** Outgoing mail over SMTP; when unset, mail is kept in the outbox table. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = configSchema.safeParse(known);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const publicOrigin = new URL(c.PUBLIC_ORIGIN ?? `http://localhost:${c.PORT}`).origin;
  return Object.freeze({
    port: c.PORT,
    host: c.HOST,
    publicOrigin,
    publicOriginSet: c.PUBLIC_ORIGIN !== undefined,
    secureCookies: publicOrigin.startsWith('https:'),
    dataDir: path.resolve(c.STEADFAST_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    masterKey: c.STEADFAST_MASTER_KEY,
    sessionIdleMs: c.SESSION_IDLE_MINUTES * 60_000,
    sessionIdleDiscreetMs: c.SESSION_IDLE_DISCREET_MINUTES * 60_000,
    quickExitUrl: c.QUICK_EXIT_URL,
    sessionAbsoluteMs: c.SESSION_ABSOLUTE_HOURS * 3_600_000,
    trustProxy: parseTrustProxy(c.TRUST_PROXY),
    logLevel: c.LOG_LEVEL,
    contentDir: path.resolve(c.STEADFAST_CONTENT_DIR),
    webDir: path.resolve(c.STEADFAST_WEB_DIR),
    defaultCountry: c.STEADFAST_DEFAULT_COUNTRY,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
  });
}

/** The README's configuration table, generated from the schema (a test keeps the README in step). */
export function configTable(): string {
  const rows = Object.entries(configSchema.shape).map(([name, schema]) => {
    const parsed = schema.safeParse(undefined);
    const fallback = parsed.success && parsed.data !== undefined ? String(parsed.data) : '';
    const shown = fallback.startsWith(packageRoot)
      ? path.relative(packageRoot, fallback) + '/'
      : fallback;
    return `| \`${name}\` | ${shown ? `\`${shown}\`` : '—'} | ${schema.description ?? ''} |`;
  });
  return ['| Variable | Default | What it does |', '|---|---|---|', ...rows].join('\n');
}
