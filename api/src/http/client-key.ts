import type { Context } from 'hono';
import type { AppEnv } from './deps.ts';
import { clientAddress } from './auth.ts';

/**
 * Who a request counts against for per-client limits (the job queue): the signed-in user (the auth middleware's
 * principal), else the client's address (the first X-Forwarded-For hop behind a trusted proxy), else `local`
 * (in-process calls, tests).
 */
export function clientKey(c: Context<AppEnv>): string {
  const id = c.var.principal?.user.id;
  if (id !== undefined && id !== null) return `user:${id}`;
  const address = clientAddress(c);
  return address ? `addr:${address}` : 'addr:local';
}
