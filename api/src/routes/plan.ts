import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { PlanRequestSchema } from '../schemas/plan.ts';
import { runPlan } from '../services/plan-service.ts';

/** The optimiser: where the next practice points should go. */
export const planRoutes = new Hono<AppEnv>().post('/', validate('json', PlanRequestSchema), async (c) =>
  c.json(await runPlan(c.var.deps.coverage, c.req.valid('json')), 200),
);
