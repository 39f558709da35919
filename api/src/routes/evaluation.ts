import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { auditActor } from '../http/auth.ts';
import { InvalidInputError, UnprocessableError } from '../domain-errors.ts';
import { inTransaction } from '../db/client.ts';
import { recordAudit } from '../db/audit-repo.ts';
import { validate } from '../http/validate.ts';
import { getEvaluationRules, insertFieldCheck, listFieldChecks, saveEvaluationRules } from '../db/leaders-repo.ts';
import { listTownships } from '../db/reference-repo.ts';
import { EvaluationQuerySchema, EvaluationRulesSchema, FieldCheckCreateSchema, FieldChecksQuerySchema } from '../schemas/leaders.ts';
import { unknownIndicatorIds } from '../services/evaluation-rules.ts';
import { evaluationReport } from '../services/evaluation-service.ts';

/**
 * The yearly evaluation: GET /evaluation (viewer+), PUT /evaluation/rules (admin), field checks
 * GET (viewer+) and POST (planner/admin).
 */
export const evaluationRoutes = new Hono<AppEnv>()
  .get('/evaluation', validate('query', EvaluationQuerySchema), async (c) => c.json(await evaluationReport(c.var.deps, c.var.district, c.req.valid('query').year), 200))
  .put('/evaluation/rules', validate('query', EvaluationQuerySchema), validate('json', EvaluationRulesSchema), async (c) => {
    const { year } = c.req.valid('query');
    const rules = c.req.valid('json');
    const unknown = unknownIndicatorIds(rules);
    if (unknown.length) throw new InvalidInputError(`Unknown indicator ids: ${unknown.join(', ')}`, unknown.map((id) => ({ path: ['indicators', id], message: 'unknown indicator' })));
    if (new Set(rules.indicators.map((i) => i.id)).size !== rules.indicators.length) throw new InvalidInputError('An indicator is listed twice');
    const codes = new Set((await listTownships(c.var.deps.db.sql, c.var.district)).map((t) => t.code));
    const badCodes = Object.entries(rules.entered).flatMap(([id, m]) => Object.keys(m).filter((k) => !codes.has(k)).map((k) => [id, k]));
    if (badCodes.length) throw new InvalidInputError('Entered scores name unknown townships', badCodes.map((p) => ({ path: ['entered', ...p], message: 'unknown township' })));
    await inTransaction(c.var.deps.db.sql, async (tx) => {
      const before = await getEvaluationRules(tx, c.var.district, year);
      await saveEvaluationRules(tx, c.var.district, year, rules);
      await recordAudit(tx, { actor: auditActor(c), action: 'evaluation.rules', entity: 'evaluation_rules', entityId: String(year), before, after: rules });
    });
    return c.json(await evaluationReport(c.var.deps, c.var.district, year), 200);
  })
  .get('/field-checks', validate('query', FieldChecksQuerySchema), async (c) => c.json({ fieldChecks: await listFieldChecks(c.var.deps.db.sql, c.var.district, c.req.valid('query')) }, 200))
  .post('/field-checks', validate('json', FieldCheckCreateSchema), async (c) => {
    const body = c.req.valid('json');
    const codes = new Set((await listTownships(c.var.deps.db.sql, c.var.district)).map((t) => t.code));
    if (!codes.has(body.townshipCode)) throw new UnprocessableError(`Township ${body.townshipCode} does not exist`, [{ path: ['townshipCode'], message: 'unknown township' }]);
    const check = await inTransaction(c.var.deps.db.sql, async (tx) => {
      const created = await insertFieldCheck(tx, c.var.district, body);
      await recordAudit(tx, {
        actor: auditActor(c), action: 'field_check.create', entity: 'field_check', entityId: created.id, townshipCode: created.townshipCode, after: created,
      });
      return created;
    });
    return c.json(check, 201);
  });
