import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { listTeams } from '../db/leaders-repo.ts';
import { ActivitySummaryQuerySchema, VolunteersQuerySchema } from '../schemas/leaders.ts';
import { activitiesReport, volunteersReport } from '../services/leaders-service.ts';

/** Leaders' reads (viewer+): volunteers against the targets, the team register, yearly activity figures. */
export const leaderRoutes = new Hono<AppEnv>()
  .get('/volunteers', validate('query', VolunteersQuerySchema), async (c) => {
    const { date } = c.req.valid('query');
    return c.json(await volunteersReport(c.var.deps, c.var.district, date ?? null), 200);
  })
  .get('/teams', async (c) => c.json({ teams: await listTeams(c.var.deps.db.sql, c.var.district) }, 200))
  .get('/activities/summary', validate('query', ActivitySummaryQuerySchema), async (c) => {
    const { year } = c.req.valid('query');
    return c.json(await activitiesReport(c.var.deps, c.var.district, year), 200);
  });
