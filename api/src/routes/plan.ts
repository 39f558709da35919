import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { clientKey } from '../http/client-key.ts';
import { PlanRequestSchema } from '../schemas/plan.ts';
import { runPlanInWorker } from '../services/run-plan-in-worker.ts';

/** The optimiser: where the next practice points should go. Runs in a worker, behind the job queue. */
export const planRoutes = new Hono<AppEnv>().post('/', validate('json', PlanRequestSchema), async (c) => {
  const req = c.req.valid('json');
  const { coverage, jobs } = c.var.deps;
  const result = await jobs.run(clientKey(c), async (signal) => runPlanInWorker(await coverage.context(c.var.district), req, signal), c.req.raw.signal);
  return c.json(result, 200);
});
