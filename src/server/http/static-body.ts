import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

type Encoding = 'br' | 'gzip' | 'identity';

interface Representation {
  body: Buffer;
  etag: string;
}

/** A body known before any request (a built file, a page rendered at start), in every encoding we send. */
export interface StaticBody {
  type: string;
  cacheControl: string;
  encodings: Partial<Record<Encoding, Representation>>;
}

const tag = (body: Buffer, suffix: string) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}${suffix}"`;

/**
 * Wraps a body and its encoded forms (the build's .br/.gz, or made here once). An encoding that is
 * not smaller than the original is dropped: the identity body serves those clients just as well.
 * Each encoding has its own strong ETag, as the bytes differ.
 */
export function staticBody(
  identity: Buffer,
  type: string,
  cacheControl: string,
  encoded: { br?: Buffer; gzip?: Buffer },
): StaticBody {
  const base = tag(identity, '');
  const encodings: StaticBody['encodings'] = { identity: { body: identity, etag: base } };
  if (encoded.br && encoded.br.length < identity.length) {
    encodings.br = { body: encoded.br, etag: `${base.slice(0, -1)}-br"` };
  }
  if (encoded.gzip && encoded.gzip.length < identity.length) {
    encodings.gzip = { body: encoded.gzip, etag: `${base.slice(0, -1)}-gz"` };
  }
  return { type, cacheControl, encodings };
}

/** Brotli at its best quality and gzip 9, as the build does: paid once at start, never per request. */
export function compressNow(identity: Buffer): { br: Buffer; gzip: Buffer } {
  return {
    br: zlib.brotliCompressSync(identity, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    gzip: zlib.gzipSync(identity, { level: 9 }),
  };
}

export const compressedBody = (text: string | Buffer, type: string, cacheControl: string) => {
  const identity = Buffer.isBuffer(text) ? text : Buffer.from(text);
  return staticBody(identity, type, cacheControl, compressNow(identity));
};

/** The q-value the client gave a coding (RFC 9110 §12.5.3); `*` covers codings not named. */
function accepted(header: string | undefined): (coding: Encoding) => boolean {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  return (coding) => (q.get(coding) ?? (coding === 'identity' ? 1 : (q.get('*') ?? 0))) > 0;
}

function negotiate(request: FastifyRequest, body: StaticBody): [Encoding, Representation] {
  const accepts = accepted(request.headers['accept-encoding']);
  for (const coding of ['br', 'gzip'] as const) {
    const rep = body.encodings[coding];
    if (rep && accepts(coding)) return [coding, rep];
  }
  // identity is always there; a client refusing it too still gets it rather than a 406.
  return ['identity', body.encodings.identity as Representation];
}

const matches = (ifNoneMatch: string, etag: string) =>
  ifNoneMatch
    .split(',')
    .map((s) => s.trim().replace(/^W\//, ''))
    .some((candidate) => candidate === '*' || candidate === etag);

/** Sends the best encoding the client accepts, or 304 when it already holds that very one. */
export function sendStatic(request: FastifyRequest, reply: FastifyReply, body: StaticBody) {
  const [coding, rep] = negotiate(request, body);
  reply.headers({
    'cache-control': body.cacheControl,
    etag: rep.etag,
    vary: 'Accept-Encoding',
  });
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch && matches(ifNoneMatch, rep.etag)) return reply.code(304).send();
  if (coding !== 'identity') reply.header('content-encoding', coding);
  return reply.type(body.type).send(rep.body);
}
