import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/deps.ts';
import { validate } from '../http/validate.ts';
import { ApiError } from '../http/errors.ts';
import { auditActor, clientAddress, principalOf, SESSION_COOKIE } from '../http/auth.ts';
import { LoginSchema, PasswordChangeSchema } from '../schemas/auth.ts';
import { countAdmins, createSession, deleteSession, deleteUserSessions, findLogin, SESSION_HOURS, updateUser } from '../db/users-repo.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { inTransaction } from '../db/client.ts';
import { recordAudit } from '../db/audit-repo.ts';
import { getSettings } from '../db/settings-repo.ts';

/** A hash of nothing, verified when the username is unknown so both cases take the same time. */
const dummyHash = hashPassword('not a password: timing only');

const secure = (c: Context<AppEnv>) => c.var.deps.secureCookies || new URL(c.req.url).protocol === 'https:';

/** Login, the current session (user, role, CSRF token), logout and own password change. */
export const sessionRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const p = c.var.principal;
    const { publicPlannerViews } = await getSettings(c.var.deps.db.sql);
    const needsAdmin = (await countAdmins(c.var.deps.db.sql)) === 0;
    return c.json({ user: p?.user ?? null, role: p?.role ?? null, csrfToken: p?.csrfToken ?? null, publicPlannerViews, needsAdmin }, 200);
  })
  .post('/', validate('json', LoginSchema), async (c) => {
    const { username, password } = c.req.valid('json');
    const { db, throttle } = c.var.deps;
    const address = clientAddress(c);
    const wait = throttle.retryAfterSeconds(username, address);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ApiError(429, 'too_many_requests', `Too many failed logins; try again in ${Math.ceil(wait / 60)} min`);
    }
    const found = await findLogin(db.sql, username);
    const ok = await verifyPassword(password, found?.passwordHash ?? (await dummyHash));
    if (!found || !ok) {
      throttle.fail(username, address);
      throw new ApiError(401, 'unauthorized', 'Wrong username or password');
    }
    throttle.succeed(username);
    const s = await createSession(db.sql, found.user.id);
    setCookie(c, SESSION_COOKIE, s.secret, {
      httpOnly: true, sameSite: 'Strict', secure: secure(c), path: '/', maxAge: SESSION_HOURS * 3600,
    });
    return c.json({ user: found.user, role: found.user.role, csrfToken: s.csrfToken }, 200);
  })
  .delete('/', async (c) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) await deleteSession(c.var.deps.db.sql, cookie);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c) });
    return c.json({ loggedOut: true as const }, 200);
  })
  .post('/password', validate('json', PasswordChangeSchema), async (c) => {
    const p = principalOf(c);
    const { currentPassword, newPassword } = c.req.valid('json');
    const { sql } = c.var.deps.db;
    const found = await findLogin(sql, p.user.username);
    if (!found || !(await verifyPassword(currentPassword, found.passwordHash)))
      throw new ApiError(403, 'forbidden', 'The current password is wrong');
    const passwordHash = await hashPassword(newPassword);
    await inTransaction(sql, async (tx) => {
      await updateUser(tx, p.user.id, { passwordHash });
      await deleteUserSessions(tx, p.user.id, getCookie(c, SESSION_COOKIE));
      await recordAudit(tx, { actor: auditActor(c), action: 'user.password', entity: 'user', entityId: p.user.id, details: { username: p.user.username } });
    });
    return c.json({ changed: true as const }, 200);
  });
