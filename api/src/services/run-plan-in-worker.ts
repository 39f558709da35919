import { Worker } from 'node:worker_threads';
import { ApiError, type ErrorCode, type ErrorIssue, type ErrorStatus } from '../http/errors.ts';
import { EngineInputError } from '../engine/types.ts';
import type { PlanRequest } from '../schemas/plan.ts';
import type { PlannerContext } from './planner-context.ts';
import type { runPlan } from './plan-service.ts';
import { JobCancelledError } from './job-queue.ts';

export type PlanResult = Awaited<ReturnType<typeof runPlan>>;
export interface PlanJobMessage { ctx: PlannerContext; req: PlanRequest }
export type PlanReplyMessage =
  | { ok: true; result: PlanResult }
  | { ok: false; kind: 'api'; status: ErrorStatus; code: ErrorCode; message: string; issues?: ErrorIssue[] }
  | { ok: false; kind: 'engine' | 'other'; message: string };

const ENTRY = new URL('./plan-worker.ts', import.meta.url);

/**
 * Runs a plan in its own worker thread on a copy of the planner context, so the event loop keeps answering
 * (`/api/health`, reads) however long the plan takes. Aborting `signal` (the client went away) terminates the
 * worker, and with it any exact check it started. Rejects with the ApiError/EngineInputError the plan threw.
 *
 * @example const result = await runPlanInWorker(await coverage.context(), request, c.req.raw.signal);
 */
export function runPlanInWorker(ctx: PlannerContext, req: PlanRequest, signal?: AbortSignal): Promise<PlanResult> {
  if (signal?.aborted) return Promise.reject(new JobCancelledError('The client went away'));
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(ENTRY.href)}); });`;
  const worker = new Worker(bootstrap, { eval: true, execArgv: [], name: 'plan' });
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
      else if (reply.kind === 'engine') reject(new EngineInputError(reply.message));
      else reject(new Error(`the plan failed: ${reply.message}`));
    }));
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the plan worker stopped (exit code ${code})`))));
    worker.postMessage({ ctx, req } satisfies PlanJobMessage);
  });
}
