import { gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './deps.ts';
import { getDataVersion } from '../db/version-repo.ts';

/** Answers smaller than this are sent as they are (gzip would not pay for itself). */
const GZIP_MIN_BYTES = 1024;

/**
 * The data version a cached answer belongs to: the one value the answer cache keys on. Every write to the data
 * these routes show (sites, villages, townships, demand, roads, imports) bumps it in its own transaction.
 */
export async function answerVersion(c: Context<AppEnv>): Promise<string> {
  return String(await getDataVersion(c.var.deps.db.sql));
}

interface Answer {
  body: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer> | null;
}

/**
 * JSON answers of read routes, kept for the current data version only (a new version drops them all), bounded by
 * `maxBytes` (oldest first). Each is stored once as it is and once gzip-compressed.
 */
export function createAnswerCache(maxBytes = 32 * 1024 * 1024) {
  let version: string | undefined;
  const answers = new Map<string, Answer>();
  let bytes = 0;
  const size = (a: Answer) => a.body.byteLength + (a.gzip?.byteLength ?? 0);
  function atVersion(v: string) {
    if (v === version) return;
    version = v;
    answers.clear();
    bytes = 0;
  }
  return {
    get(v: string, key: string): Answer | undefined {
      atVersion(v);
      return answers.get(key);
    },
    set(v: string, key: string, body: Uint8Array<ArrayBuffer>): Answer {
      const answer = { body, gzip: body.byteLength >= GZIP_MIN_BYTES ? new Uint8Array(gzipSync(body)) : null };
      if (v !== version || size(answer) > maxBytes / 4) return answer; // the data changed meanwhile, or too big to keep
      bytes += size(answer) - (answers.has(key) ? size(answers.get(key)!) : 0);
      answers.set(key, answer);
      for (const [k, a] of answers) {
        if (bytes <= maxBytes) break;
        answers.delete(k);
        bytes -= size(a);
      }
      return answer;
    },
    stats: () => ({ version, answers: answers.size, bytes }),
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
  const key = `${c.req.method === 'HEAD' ? 'GET' : c.req.method} ${url.pathname}${url.search}`;
  const hit = cache.get(v, key);
  if (hit) return send(c, hit);
  await next();
  if (c.res.status !== 200 || !c.res.headers.get('content-type')?.startsWith('application/json')) return;
  const answer = cache.set(v, key, new Uint8Array(await c.res.clone().arrayBuffer()));
  c.res = send(c, answer);
};
