import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { clientKey } from '../http/client-key.ts';
import { PlanRequestSchema } from '../schemas/plan.ts';
import { runPlanInWorker } from '../services/run-plan-in-worker.ts';
import { requestDemandPoints } from '../db/requests-repo.ts';

/** The optimiser: where the next practice points should go. Runs in a worker, behind the job queue. */
export const planRoutes = new Hono<AppEnv>().post('/', validate('json', PlanRequestSchema), async (c) => {
  const req = c.req.valid('json');
  const { coverage, jobs, db } = c.var.deps;
  // Planning with observed requests: their places, read here and handed to the worker.
  const observed = req.demand === 'population' ? undefined : await requestDemandPoints(db.sql, c.var.district, { from: req.requestsFrom, to: req.requestsTo });
  const result = await jobs.run(clientKey(c), async (signal) => runPlanInWorker(await coverage.context(c.var.district), req, signal, observed), c.req.raw.signal);
  return c.json(result, 200);
});
