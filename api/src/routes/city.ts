import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { cityOverview } from '../services/city-overview.ts';

/** The city (广元市): its counties side by side. */
export const cityRoutes = new Hono<AppEnv>()
  .get('/overview', async (c) => c.json(await cityOverview(c.var.deps, c.req.raw.signal), 200));
