import { ApiError } from '../http/errors.ts';

/** Limits of a {@link createJobQueue}. */
export interface JobQueueLimits {
  /** Jobs running at once, over all clients. */
  concurrency: number;
  /** Jobs one client (user, else address) may have running or waiting. */
  perClient: number;
  /** Jobs waiting, over all clients; more are refused. */
  maxWaiting: number;
}

export const DEFAULT_JOB_LIMITS: JobQueueLimits = { concurrency: 2, perClient: 2, maxWaiting: 16 };

interface Waiting {
  key: string;
  start: () => void;
  cancel: (reason: unknown) => void;
}

/** Thrown to a job's caller when its client went away before or while it ran. */
export class JobCancelledError extends Error {
  override name = 'JobCancelledError';
}

/**
 * A bounded queue for heavy work (plans, exact checks, imports, exports): at most `concurrency` jobs run, each
 * client may have `perClient` jobs running or waiting, and at most `maxWaiting` wait. Over a limit the caller gets
 * 429 `too_many_requests` with Retry-After at once, never an unbounded wait. A job whose `signal` aborts while
 * waiting leaves the queue; a running job sees the abort through the signal it is given.
 */
export function createJobQueue(limits: JobQueueLimits = DEFAULT_JOB_LIMITS) {
  let running = 0;
  const waiting: Waiting[] = [];
  const perKey = new Map<string, number>();

  const release = (key: string) => {
    running--;
    const n = (perKey.get(key) ?? 1) - 1;
    if (n) perKey.set(key, n);
    else perKey.delete(key);
    const next = waiting.shift();
    if (next) next.start();
  };

  async function run<T>(key: string, job: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if ((perKey.get(key) ?? 0) >= limits.perClient)
      throw new ApiError(429, 'too_many_requests', `You already have ${limits.perClient} heavy requests (plans, checks, imports, exports) running or waiting; wait for one to finish`, undefined, { 'Retry-After': '5' });
    if (running >= limits.concurrency && waiting.length >= limits.maxWaiting)
      throw new ApiError(429, 'too_many_requests', 'The server is busy with other heavy requests; try again shortly', undefined, { 'Retry-After': '10' });
    if (signal?.aborted) throw new JobCancelledError('The client went away');
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
    if (running >= limits.concurrency) {
      await new Promise<void>((resolve, reject) => {
        const entry: Waiting = {
          key,
          start: () => { signal?.removeEventListener('abort', onAbort); resolve(); },
          cancel: reject,
        };
        const onAbort = () => {
          const i = waiting.indexOf(entry);
          if (i >= 0) waiting.splice(i, 1);
          const n = (perKey.get(key) ?? 1) - 1;
          if (n) perKey.set(key, n);
          else perKey.delete(key);
          reject(new JobCancelledError('The client went away'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(entry);
      });
    }
    running++;
    try {
      return await job(signal ?? new AbortController().signal);
    } finally {
      release(key);
    }
  }

  return {
    run,
    /** Jobs running and waiting (diagnostics, tests). */
    stats: () => ({ running, waiting: waiting.length }),
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
