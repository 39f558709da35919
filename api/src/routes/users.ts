import { Hono } from 'hono';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { auditActor, principalOf } from '../http/auth.ts';
import { IdParamSchema, SettingsUpdateSchema, TokenCreateSchema, UserCreateSchema, UserUpdateSchema } from '../schemas/auth.ts';
import {
  countAdmins, createToken, deleteUser, deleteUserSessions, getUser, insertUser, listTokens, listUsers, revokeToken, updateUser, type User,
} from '../db/users-repo.ts';
import { hashPassword } from '../auth/password.ts';
import { roleAtMost } from '../auth/roles.ts';
import { inTransaction, type Sql } from '../db/client.ts';
import { unknownTownshipCodes } from '../db/reference-repo.ts';
import { recordAudit } from '../db/audit-repo.ts';
import { getSettings, saveSettings } from '../db/settings-repo.ts';
import { CITY_CODE, DEFAULT_DISTRICT_CODE, isShippedCounty } from '../services/district-packs.ts';

/** What the audit trail keeps of an account (never a password hash). */
const snapshot = (u: User) => ({ username: u.username, role: u.role, townships: u.townships, district: u.district });

/** The account's district must be a shipped county or the city; its townships must be of that district. */
async function checkTownships(sql: Sql, district: string, codes: string[] | undefined) {
  if (district !== CITY_CODE && !isShippedCounty(district))
    throw new ApiError(422, 'unprocessable', `Unknown district ${district}`, [{ path: ['district'], message: `Unknown district ${district}` }]);
  if (!codes?.length) return;
  const unknown = new Set(await unknownTownshipCodes(sql, district, codes));
  const issues = codes.map((t, i) => ({ t, i })).filter(({ t }) => unknown.has(t)).map(({ t, i }) => ({ path: ['townships', i], message: `Unknown township ${t}` }));
  if (issues.length) throw new ApiError(422, 'unprocessable', issues.map((i) => i.message).join('; '), issues);
}

/** Accounts (admins only): list, create, change (username, password reset, role, townships), delete. */
export const userRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json({ users: await listUsers(c.var.deps.db.sql) }, 200))
  .post('/', validate('json', UserCreateSchema), async (c) => {
    const body = c.req.valid('json');
    const { sql } = c.var.deps.db;
    await checkTownships(sql, body.district ?? DEFAULT_DISTRICT_CODE, body.townships);
    const passwordHash = await hashPassword(body.password);
    const user = await inTransaction(sql, async (tx) => {
      const u = await insertUser(tx, { username: body.username, passwordHash, role: body.role, townships: body.townships, district: body.district });
      await recordAudit(tx, { actor: auditActor(c), action: 'user.create', entity: 'user', entityId: u.id, after: snapshot(u) });
      return u;
    });
    return c.json(user, 201);
  })
  .patch('/:id', validate('param', IdParamSchema), validate('json', UserUpdateSchema), async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { sql } = c.var.deps.db;
    if (body.townships || body.district) await checkTownships(sql, body.district ?? (await getUser(sql, id))?.district ?? DEFAULT_DISTRICT_CODE, body.townships);
    const passwordHash = body.password ? await hashPassword(body.password) : undefined;
    const user = await inTransaction(sql, async (tx) => {
      const before = await getUser(tx, id);
      if (!before) throw notFound('User');
      if (before.role === 'admin' && body.role && body.role !== 'admin' && (await countAdmins(tx)) <= 1)
        throw new ApiError(409, 'conflict', 'The last admin cannot lose the admin role');
      const after = (await updateUser(tx, id, { username: body.username, role: body.role, townships: body.townships, district: body.district, passwordHash }))!;
      if (passwordHash) await deleteUserSessions(tx, id);
      await recordAudit(tx, {
        actor: auditActor(c), action: 'user.update', entity: 'user', entityId: id, before: snapshot(before), after: snapshot(after),
        details: passwordHash ? { passwordReset: true } : undefined,
      });
      return after;
    });
    return c.json(user, 200);
  })
  .delete('/:id', validate('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    if (id === principalOf(c).user.id) throw new ApiError(409, 'conflict', 'You cannot delete your own account');
    await inTransaction(c.var.deps.db.sql, async (tx) => {
      const before = await getUser(tx, id);
      if (!before) throw notFound('User');
      if (before.role === 'admin' && (await countAdmins(tx)) <= 1) throw new ApiError(409, 'conflict', 'The last admin cannot be deleted');
      await deleteUser(tx, id);
      await recordAudit(tx, { actor: auditActor(c), action: 'user.delete', entity: 'user', entityId: id, before: snapshot(before) });
    });
    return c.json({ deleted: id }, 200);
  });

/** API tokens: each account lists, creates (role no higher than its own) and revokes its own; admins see all. */
export const tokenRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const p = principalOf(c);
    return c.json({ tokens: await listTokens(c.var.deps.db.sql, p.role === 'admin' ? undefined : p.user.id) }, 200);
  })
  .post('/', validate('json', TokenCreateSchema), async (c) => {
    const p = principalOf(c);
    const { name, role = p.role } = c.req.valid('json');
    if (!roleAtMost(role, p.role)) throw new ApiError(403, 'forbidden', `A ${p.role} cannot create a ${role} token`);
    const created = await inTransaction(c.var.deps.db.sql, async (tx) => {
      const t = await createToken(tx, { userId: p.user.id, name, role });
      await recordAudit(tx, { actor: auditActor(c), action: 'token.create', entity: 'token', entityId: t.id, after: { name, role, userId: p.user.id } });
      return t;
    });
    return c.json({ ...created, name, role }, 201);
  })
  .delete('/:id', validate('param', IdParamSchema), async (c) => {
    const p = principalOf(c);
    const { id } = c.req.valid('param');
    const { sql } = c.var.deps.db;
    const token = (await listTokens(sql, p.role === 'admin' ? undefined : p.user.id)).find((t) => t.id === id);
    if (!token) throw notFound('Token');
    await inTransaction(sql, async (tx) => {
      if (!(await revokeToken(tx, id))) throw new ApiError(409, 'conflict', 'The token is already revoked');
      await recordAudit(tx, { actor: auditActor(c), action: 'token.revoke', entity: 'token', entityId: id, before: { name: token.name, role: token.role, userId: token.userId } });
    });
    return c.json({ revoked: id }, 200);
  });

/** Server settings: anyone logged in reads them; admins change them. */
export const settingsRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json(await getSettings(c.var.deps.db.sql), 200))
  .patch('/', validate('json', SettingsUpdateSchema), async (c) => {
    const patch = c.req.valid('json');
    const settings = await inTransaction(c.var.deps.db.sql, async (tx) => {
      const before = await getSettings(tx);
      const after = await saveSettings(tx, patch);
      await recordAudit(tx, { actor: auditActor(c), action: 'settings.update', entity: 'settings', before, after });
      return after;
    });
    return c.json(settings, 200);
  });
