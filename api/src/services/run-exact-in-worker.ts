import type { Worker } from 'node:worker_threads';
import { startWorker } from './start-worker.ts';
import type { CoverageConstraints, CoverageProblem, ExactCoverageResult, ExactOptions } from '../engine/plan/index.ts';
import { EngineInputError } from '../engine/types.ts';

/**
 * Runs the HiGHS exact check of a plan (solveMaxCoverageExact / solveMinSitesExact) in a worker thread, so the
 * synchronous WASM solve (tens of seconds on the district at 15 minutes) does not block the server's event loop.
 *
 * One idle worker is kept for reuse (HiGHS is loaded once per worker); it is unref'd while idle, so it never keeps
 * the process alive, and terminated after {@link IDLE_WORKER_MS} without work. A second concurrent job gets its own
 * worker, terminated when done. A worker that crashes, fails to start or outlives the guard is terminated and the
 * job reports `{ ok: false, message }`: callers never hang.
 */

/** Which exact problem to solve. */
export type ExactJob = { objective: 'max-coverage'; siteCount: number } | { objective: 'min-sites'; targetShare: number };

export type ExactOutcome = { ok: true; result: ExactCoverageResult } | { ok: false; message: string };

export interface ExactWorkerRunOptions {
  /** Guard: give up and terminate the worker after this many ms. Default (timeLimitSeconds ?? 30) + 15 s. */
  timeoutMs?: number;
  /** Worker entry module (tests only). A worker with a non-default entry is never kept for reuse. */
  workerEntry?: URL;
}

/** The message the main thread posts: the problem with candidateCovers packed into one CSR pair. */
export interface ExactJobMessage {
  job: ExactJob;
  demandWeight: Float64Array;
  alreadyCovered: Uint8Array;
  /** Candidate j covers coverIndices[coverStarts[j] .. coverStarts[j + 1]). */
  coverStarts: Uint32Array;
  coverIndices: Uint32Array;
  candidateTownship?: Int32Array;
  candidateIds?: string[];
  excludedCandidates?: Uint8Array;
  townshipMinimums?: Record<number, number>;
  timeLimitSeconds?: number;
  mipRelativeGap?: number;
}

/** The worker's answer. `inputError` = the engine threw EngineInputError (bad input, not a solver failure). */
export type ExactReplyMessage =
  | { ok: true; result: ExactCoverageResult }
  | { ok: false; message: string; inputError: boolean };

/** Guard margin on top of HiGHS's own time limit: worker start, HiGHS load, model build and reply. */
export const GUARD_MARGIN_SECONDS = 15;
const DEFAULT_TIME_LIMIT_SECONDS = 30;
/** An idle worker is terminated after this long without a job. */
export const IDLE_WORKER_MS = 60_000;
// From source (tsx, vitest) the entry is the .ts beside this file; in the built server it is exact-solver-worker.js.
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');
const DEFAULT_ENTRY = new URL(RUNNING_FROM_SOURCE ? './exact-solver-worker.ts' : './exact-solver-worker.js', import.meta.url);

let idleWorker: Worker | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight = 0;

/** Exact solves currently running in workers (for tests and diagnostics). */
export function exactSolvesInFlight(): number {
  return inFlight;
}

/**
 * Solves the exact check of `job` on `problem` in a worker thread and resolves with HiGHS's result, or with
 * `{ ok: false, message }` when the worker fails to start, crashes or exceeds the guard time. Rejects only with
 * EngineInputError when the engine refuses the input (as the in-thread call would have thrown).
 *
 * @example
 * const outcome = await runExactInWorker(problem, { objective: 'max-coverage', siteCount: 10 }, { timeLimitSeconds: 30 });
 * if (outcome.ok) outcome.result.status; // 'optimal' | 'time-limit' | ...
 */
export async function runExactInWorker(
  problem: CoverageProblem,
  job: ExactJob,
  options: ExactOptions & CoverageConstraints = {},
  run: ExactWorkerRunOptions = {},
): Promise<ExactOutcome> {
  const timeoutMs = run.timeoutMs ?? ((options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS) + GUARD_MARGIN_SECONDS) * 1000;
  const { message, transfer } = packJob(problem, job, options);
  let worker: Worker;
  const reusable = run.workerEntry === undefined;
  try {
    worker = (reusable && takeIdleWorker()) || watchWorker(await startWorker(reusable ? DEFAULT_ENTRY : run.workerEntry!, 'exact-solver'));
  } catch (err) {
    return { ok: false, message: `the exact solver could not start: ${errorText(err)}` };
  }
  inFlight++;
  try {
    return await new Promise<ExactOutcome>((resolve, reject) => {
      let settled = false;
      const finish = (keepWorker: boolean, settle: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(guard);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (keepWorker && reusable) releaseWorker(worker);
        else void worker.terminate();
        settle();
      };
      const onMessage = (reply: ExactReplyMessage) => {
        if (reply.ok) finish(true, () => resolve({ ok: true, result: reply.result }));
        else if (reply.inputError) finish(true, () => reject(new EngineInputError(reply.message)));
        else finish(false, () => resolve({ ok: false, message: `the exact solver failed: ${reply.message}` }));
      };
      const onError = (err: unknown) => finish(false, () => resolve({ ok: false, message: `the exact solver worker failed: ${errorText(err)}` }));
      const onExit = (code: number) => finish(false, () => resolve({ ok: false, message: `the exact solver worker stopped (exit code ${code})` }));
      const guard = setTimeout(
        () => finish(false, () => resolve({ ok: false, message: `no answer from the exact solver within ${timeoutMs / 1000} s; it was stopped` })),
        timeoutMs,
      );
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.ref();
      try {
        worker.postMessage(message, transfer);
      } catch (err) {
        finish(false, () => resolve({ ok: false, message: `the exact check could not be sent to the solver: ${errorText(err)}` }));
      }
    });
  } finally {
    inFlight--;
  }
}

/** Copies the problem into transferable form: candidateCovers (one Uint32Array per candidate) becomes one CSR pair. */
function packJob(problem: CoverageProblem, job: ExactJob, options: ExactOptions & CoverageConstraints) {
  const covers = problem.candidateCovers;
  const coverStarts = new Uint32Array(covers.length + 1);
  for (let j = 0; j < covers.length; j++) coverStarts[j + 1] = coverStarts[j] + covers[j].length;
  const coverIndices = new Uint32Array(coverStarts[covers.length]);
  for (let j = 0; j < covers.length; j++) coverIndices.set(covers[j], coverStarts[j]);
  const excluded = options.excludedCandidates;
  const message: ExactJobMessage = {
    job,
    demandWeight: problem.demandWeight,
    alreadyCovered: problem.alreadyCovered,
    coverStarts, coverIndices,
    candidateTownship: problem.candidateTownship,
    candidateIds: problem.candidateIds,
    excludedCandidates: excluded === undefined ? undefined : Uint8Array.from(excluded as ArrayLike<number | boolean>, (e) => (e ? 1 : 0)),
    townshipMinimums: options.townshipMinimums ? { ...options.townshipMinimums } : undefined,
    timeLimitSeconds: options.timeLimitSeconds,
    mipRelativeGap: options.mipRelativeGap,
  };
  // The packed buffers are new, so they move; the caller's arrays are copied by structured clone.
  return { message, transfer: [coverStarts.buffer, coverIndices.buffer] as ArrayBuffer[] };
}

function watchWorker(worker: Worker): Worker {
  // An idle worker's crash must not become an unhandled 'error' event; a running job has its own listener.
  worker.on('error', () => {});
  return worker;
}

function takeIdleWorker(): Worker | undefined {
  const worker = idleWorker;
  idleWorker = undefined;
  clearTimeout(idleTimer);
  idleTimer = undefined;
  if (worker) worker.off('exit', forgetIdle);
  return worker;
}

function releaseWorker(worker: Worker) {
  if (idleWorker) {
    void worker.terminate();
    return;
  }
  idleWorker = worker;
  worker.unref();
  worker.on('exit', forgetIdle);
  idleTimer = setTimeout(() => {
    const w = takeIdleWorker();
    if (w) void w.terminate();
  }, IDLE_WORKER_MS);
  idleTimer.unref();
}

function forgetIdle() {
  idleWorker = undefined;
  clearTimeout(idleTimer);
  idleTimer = undefined;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
