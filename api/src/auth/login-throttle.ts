/**
 * Failed-login throttle per account and per client address: after `maxPerAccount` (or `maxPerAddress`)
 * failures within `windowMs`, further attempts are refused until the window has passed. In memory:
 * one server process guards its own door.
 */
export function createLoginThrottle(opts = { maxPerAccount: 5, maxPerAddress: 20, windowMs: 15 * 60_000 }) {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < opts.windowMs);
  return {
    /** Seconds until the next attempt is allowed, or 0. */
    retryAfterSeconds(username: string, address: string, now = Date.now()): number {
      const checks: [string, number][] = [[`u:${username.toLowerCase()}`, opts.maxPerAccount], [`a:${address}`, opts.maxPerAddress]];
      let wait = 0;
      for (const [key, max] of checks) {
        const times = recent(key, now);
        if (times.length >= max) wait = Math.max(wait, Math.ceil((times[0] + opts.windowMs - now) / 1000));
      }
      return wait;
    },
    fail(username: string, address: string, now = Date.now()) {
      for (const key of [`u:${username.toLowerCase()}`, `a:${address}`]) failures.set(key, [...recent(key, now), now]);
      if (failures.size > 50_000) failures.clear(); // bounded memory under a spray of names
    },
    succeed(username: string) {
      failures.delete(`u:${username.toLowerCase()}`);
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
