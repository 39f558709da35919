/**
 * Worker-thread entry of a plan (started by run-plan-in-worker.ts): runs `runPlan` on the planner context the
 * main thread sent, so a long plan never blocks the server's event loop. Errors come back with what the API
 * needs to answer them (ApiError status/code/issues, domain errors by class, EngineInputError).
 */
import { parentPort } from 'node:worker_threads';
import { ApiError } from '../http/errors.ts';
import { EngineInputError } from '../engine/types.ts';
import { DomainError } from '../domain-errors.ts';
import { coverageOnContext } from './coverage-service.ts';
import { runPlan } from './plan-service.ts';
import type { DomainErrorClass, PlanJobMessage, PlanReplyMessage } from './run-plan-in-worker.ts';

if (!parentPort) throw new Error('plan-worker.ts must run in a worker thread');
const port = parentPort;

port.on('message', async ({ ctx, req, observed }: PlanJobMessage) => {
  let reply: PlanReplyMessage;
  try {
    reply = { ok: true, result: await runPlan({ context: async () => ctx, coverageOn: coverageOnContext }, ctx.district, req, observed) };
  } catch (err) {
    reply = err instanceof ApiError
      ? { ok: false, kind: 'api', status: err.status, code: err.code, message: err.message, issues: err.issues }
      : err instanceof DomainError
      ? { ok: false, kind: 'domain', errorClass: err.constructor.name as DomainErrorClass, message: err.message, issues: err.issues }
      : { ok: false, kind: err instanceof EngineInputError ? 'engine' : 'other', message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
