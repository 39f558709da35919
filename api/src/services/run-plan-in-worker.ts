import { startWorker } from './start-worker.ts';
import { ApiError, type ErrorCode, type ErrorIssue, type ErrorStatus } from '../http/errors.ts';
import { EngineInputError } from '../engine/types.ts';
import type { PlanRequest } from '../schemas/plan.ts';
import type { RequestDemand } from '../db/requests-repo.ts';
import type { PlannerContext } from './planner-context.ts';
import type { runPlan } from './plan-service.ts';
import { JobCancelledError } from './job-queue.ts';
import { InvalidInputError, NotFoundError, TooLargeError, UnprocessableError } from '../domain-errors.ts';

/** Domain errors a plan may throw, rebuilt on the main thread by class so the API answers them as usual. */
const DOMAIN_ERRORS = {
  NotFoundError: (m: string) => Object.assign(new NotFoundError('x'), { message: m }),
  UnprocessableError: (m: string, issues?: ErrorIssue[]) => new UnprocessableError(m, issues),
  InvalidInputError: (m: string, issues?: ErrorIssue[]) => new InvalidInputError(m, issues),
  TooLargeError: (m: string) => new TooLargeError(m),
};
export type DomainErrorClass = keyof typeof DOMAIN_ERRORS;

export type PlanResult = Awaited<ReturnType<typeof runPlan>>;
export interface PlanJobMessage { ctx: PlannerContext; req: PlanRequest; observed?: RequestDemand }
export type PlanReplyMessage =
  | { ok: true; result: PlanResult }
  | { ok: false; kind: 'api'; status: ErrorStatus; code: ErrorCode; message: string; issues?: ErrorIssue[] }
  | { ok: false; kind: 'domain'; errorClass: DomainErrorClass; message: string; issues?: ErrorIssue[] }
  | { ok: false; kind: 'engine' | 'other'; message: string };

// From source (tsx, vitest) the entry is the .ts beside this file; in the built server it is plan-worker.js.
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = new URL(RUNNING_FROM_SOURCE ? './plan-worker.ts' : './plan-worker.js', import.meta.url);

/**
 * Runs a plan in its own worker thread on a copy of the planner context (and the `observed` requests, when it plans with them), so the event loop keeps answering
 * (`/api/health`, reads) however long the plan takes. Aborting `signal` (the client went away) terminates the
 * worker, and with it any exact check it started. Rejects with the ApiError/EngineInputError the plan threw.
 *
 * @example const result = await runPlanInWorker(await coverage.context(), request, c.req.raw.signal);
 */
export async function runPlanInWorker(ctx: PlannerContext, req: PlanRequest, signal?: AbortSignal, observed?: RequestDemand): Promise<PlanResult> {
  if (signal?.aborted) throw new JobCancelledError('The client went away');
  const worker = await startWorker(ENTRY, 'plan');
  if (signal?.aborted) {
    void worker.terminate();
    throw new JobCancelledError('The client went away');
  }
  return new Promise<PlanResult>((resolve, reject) => {
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      settle();
    };
    const onAbort = () => finish(() => reject(new JobCancelledError('The client went away; the plan was stopped')));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (reply: PlanReplyMessage) => finish(() => {
      if (reply.ok) resolve(reply.result);
      else if (reply.kind === 'api') reject(new ApiError(reply.status, reply.code, reply.message, reply.issues));
      else if (reply.kind === 'domain') reject((DOMAIN_ERRORS[reply.errorClass] ?? DOMAIN_ERRORS.UnprocessableError)(reply.message, reply.issues));
      else if (reply.kind === 'engine') reject(new EngineInputError(reply.message));
      else reject(new Error(`the plan failed: ${reply.message}`));
    }));
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the plan worker stopped (exit code ${code})`))));
    worker.postMessage({ ctx, req, observed } satisfies PlanJobMessage);
  });
}
