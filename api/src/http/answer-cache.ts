import { gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './deps.ts';
import { getDataVersion } from '../db/version-repo.ts';

/** Answers smaller than this are sent as they are (gzip would not pay for itself). */
const GZIP_MIN_BYTES = 1024;

/**
 * The district and its data version a cached answer belongs to: the one value the answer cache keys on. Every write
 * to the data these routes show (sites, villages, townships, demand, roads, imports) bumps the district's version in
 * its own transaction.
 */
export async function answerVersion(c: Context<AppEnv>): Promise<string> {
  return `${c.var.district}:${await getDataVersion(c.var.deps.db.sql, c.var.district)}`;
}

interface Answer {
  body: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer> | null;
}

/**
 * JSON answers of read routes, each kept with the data version it was made at and served only while
 * {@link answerVersion} still gives that version; bounded by `maxBytes` (oldest first). Each is stored once as it is
 * and once gzip-compressed.
 */
export function createAnswerCache(maxBytes = 32 * 1024 * 1024) {
  const answers = new Map<string, { version: string; answer: Answer }>();
  let bytes = 0;
  const size = (a: Answer) => a.body.byteLength + (a.gzip?.byteLength ?? 0);
  function drop(key: string) {
    const e = answers.get(key);
    if (!e) return;
    answers.delete(key);
    bytes -= size(e.answer);
  }
  return {
    get(version: string, key: string): Answer | undefined {
      const e = answers.get(key);
      if (e?.version === version) return e.answer;
      drop(key); // made at another version: never served again
      return undefined;
    },
    set(version: string, key: string, body: Uint8Array<ArrayBuffer>): Answer {
      const answer = { body, gzip: body.byteLength >= GZIP_MIN_BYTES ? new Uint8Array(gzipSync(body)) : null };
      if (size(answer) > maxBytes / 4) return answer; // too big to keep
      drop(key);
      answers.set(key, { version, answer });
      bytes += size(answer);
      for (const k of answers.keys()) {
        if (bytes <= maxBytes) break;
        drop(k);
      }
      return answer;
    },
    stats: () => ({ answers: answers.size, bytes }),
  };
}

export type AnswerCache = ReturnType<typeof createAnswerCache>;

function send(c: Context<AppEnv>, a: Answer) {
  c.header('Vary', 'Accept-Encoding');
  if (a.gzip && /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '')) {
    c.header('Content-Encoding', 'gzip');
    return c.body(a.gzip, 200, { 'Content-Type': 'application/json' });
  }
  return c.body(a.body, 200, { 'Content-Type': 'application/json' });
}

/**
 * Route middleware for reads whose answer depends only on the URL and the data version ({@link answerVersion}),
 * never on who asks (access is checked before it runs): the first 200 JSON answer is kept and sent again, gzip
 * when the client accepts it, until the data version changes. Saves the queries, row parsing and JSON encoding.
 */
export const cachedAnswer: MiddlewareHandler<AppEnv> = async (c, next) => {
  const cache = c.var.deps.answers;
  const v = await answerVersion(c);
  const url = new URL(c.req.url);
  const key = `${c.var.district} ${c.req.method === 'HEAD' ? 'GET' : c.req.method} ${url.pathname}${url.search}`;
  const hit = cache.get(v, key);
  if (hit) return send(c, hit);
  await next();
  if (c.res.status !== 200 || !c.res.headers.get('content-type')?.startsWith('application/json')) return;
  const answer = cache.set(v, key, new Uint8Array(await c.res.clone().arrayBuffer()));
  c.res = send(c, answer);
};
