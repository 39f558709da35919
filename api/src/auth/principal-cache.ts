import type { Principal } from '../db/users-repo.ts';

/** How long a looked-up session or token is reused without asking the database again. */
export const PRINCIPAL_TTL_MS = 5_000;
const MAX_ENTRIES = 2_000;

/**
 * A brief cache of who a session cookie or API token belongs to, keyed by the secret's hash, so a read does not
 * cost a database round trip (and, for tokens, a write of `last_used_at`) every time. Correctness first:
 * - `clear()` runs after every account change through this server (login, logout, password, users, tokens), and a
 *   lookup that started before a `clear()` is not stored, so a revoked token or ended session stops at once here;
 * - changes made by another process (`npm run user:add -- --reset`, a second server on the same PostgreSQL)
 *   are seen within {@link PRINCIPAL_TTL_MS}; a session's own expiry is never extended.
 * Only successful lookups are kept.
 */
export function createPrincipalCache(ttlMs = PRINCIPAL_TTL_MS, now = () => Date.now()) {
  const entries = new Map<string, { principal: Principal; until: number }>();
  let generation = 0;
  return {
    async get(key: string, load: () => Promise<Principal | null>): Promise<Principal | null> {
      const hit = entries.get(key);
      if (hit && hit.until > now()) return hit.principal;
      entries.delete(key);
      const started = generation;
      const principal = await load();
      if (principal && started === generation) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
        const expires = principal.expiresAt ? Date.parse(principal.expiresAt) : Infinity;
        entries.set(key, { principal, until: Math.min(now() + ttlMs, expires) });
      }
      return principal;
    },
    clear(): void {
      generation++;
      entries.clear();
    },
  };
}

export type PrincipalCache = ReturnType<typeof createPrincipalCache>;
