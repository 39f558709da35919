import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * Who a request counts against for per-client limits: the signed-in user when the auth middleware set one
 * (`c.var.user.id`), else the client's address, else `local` (in-process calls, tests). The one place to change
 * when accounts arrive.
 */
export function clientKey(c: Context): string {
  const user = (c.var as { user?: { id?: string | number } }).user;
  if (user?.id !== undefined) return `user:${user.id}`;
  try {
    const address = getConnInfo(c).remote.address;
    if (address) return `addr:${address}`;
  } catch {
    /* not served by @hono/node-server */
  }
  return 'addr:local';
}
