import type { AppDeps } from '../http/deps.ts';
import { sweepRequests } from './request-service.ts';

/** How often the server expires stale requests and erases contacts past retention (default: every 15 minutes). */
export const SWEEP_EVERY_MS = 15 * 60 * 1000;

export interface RequestSweeper {
  /** The sweep run at start, settled (its counts, or null if it failed and was logged). */
  started: Promise<{ expired: number; erased: number } | null>;
  /** Runs one sweep now (skipped while one runs): what `setInterval` calls. */
  runOnce: () => Promise<{ expired: number; erased: number } | null>;
  stop: () => void;
}

/**
 * Expiry and erasure of service requests on a timer in the server, and once at start, so retention holds even
 * when nobody opens the inbox. Each run is idempotent (a request is expired or erased once; a second run at the
 * same clock finds nothing); runs never overlap; the timer does not keep the process alive.
 *
 * @example
 * ```ts
 * const sweeper = startRequestSweeper({ db, requests: requestConfig() });
 * await sweeper.started; // first sweep done
 * sweeper.stop();
 * ```
 */
export function startRequestSweeper(deps: Pick<AppDeps, 'db' | 'requests'>, opts: { everyMs?: number; now?: () => Date; log?: (m: string) => void } = {}): RequestSweeper {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((m: string) => console.log(m));
  let running: Promise<{ expired: number; erased: number } | null> | null = null;
  const runOnce = () => {
    running ??= sweepRequests(deps, now())
      .then((r) => {
        if (r.expired || r.erased) log(`service requests: ${r.expired} expired, ${r.erased} contacts erased`);
        return r;
      })
      .catch((err: unknown) => {
        log(`service-request sweep failed: ${err instanceof Error ? err.message : String(err)}`);
        return null;
      })
      .finally(() => { running = null; });
    return running;
  };
  const started = runOnce();
  const timer = setInterval(() => void runOnce(), opts.everyMs ?? SWEEP_EVERY_MS);
  timer.unref();
  return { started, runOnce, stop: () => clearInterval(timer) };
}
