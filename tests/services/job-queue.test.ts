import { describe, expect, it } from 'vitest';
import { createJobQueue, JobCancelledError } from '../../api/src/services/job-queue.ts';
import { ApiError } from '../../api/src/http/errors.ts';

/** A job that runs until `release()` is called. */
function gate() {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { release, job: async () => { await done; return 'done'; } };
}

describe('createJobQueue', () => {
  it('runs at most `concurrency` jobs; the rest wait their turn', async () => {
    const q = createJobQueue({ concurrency: 1, perClient: 5, maxWaiting: 5 });
    const a = gate();
    const b = gate();
    const pa = q.run('u1', a.job);
    const pb = q.run('u2', b.job);
    await Promise.resolve();
    expect(q.stats()).toEqual({ running: 1, waiting: 1 });
    a.release();
    b.release();
    expect(await Promise.all([pa, pb])).toEqual(['done', 'done']);
    expect(q.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a client over its limit with 429 and Retry-After, while others still get in', async () => {
    const q = createJobQueue({ concurrency: 4, perClient: 1, maxWaiting: 5 });
    const a = gate();
    const pa = q.run('u1', a.job);
    const err = await q.run('u1', async () => 'x').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect([err.status, err.code, err.headers['Retry-After']]).toEqual([429, 'too_many_requests', '5']);
    expect(await q.run('u2', async () => 'other')).toBe('other');
    a.release();
    await pa;
    expect(await q.run('u1', async () => 'again')).toBe('again');
  });

  it('refuses with 429 when the waiting line is full', async () => {
    const q = createJobQueue({ concurrency: 1, perClient: 9, maxWaiting: 1 });
    const a = gate();
    const pa = q.run('a', a.job);
    const pb = q.run('b', async () => 'b');
    expect((await q.run('c', async () => 'c').catch((e) => e)).status).toBe(429);
    a.release();
    expect(await Promise.all([pa, pb])).toEqual(['done', 'b']);
  });

  it('drops a waiting job whose client went away, and tells a running one through its signal', async () => {
    const q = createJobQueue({ concurrency: 1, perClient: 9, maxWaiting: 5 });
    const running = new AbortController();
    let sawAbort = false;
    const pa = q.run('a', (signal) => new Promise((resolve) => signal.addEventListener('abort', () => { sawAbort = true; resolve('stopped'); })), running.signal);
    const gone = new AbortController();
    let ran = false;
    const pb = q.run('b', async () => { ran = true; }, gone.signal);
    gone.abort();
    expect(await pb.catch((e) => e)).toBeInstanceOf(JobCancelledError);
    expect(q.stats()).toEqual({ running: 1, waiting: 0 });
    running.abort();
    expect(await pa).toBe('stopped');
    expect([sawAbort, ran]).toEqual([true, false]);
  });
});
