import { CITY_CODE, DEFAULT_DISTRICT_CODE, isShippedCounty } from '../services/district-packs.ts';
import { seedDistrict } from '../db/seed.ts';
import type { Sql } from '../db/client.ts';
import { inTransaction } from '../db/client.ts';
import { findLogin, insertUser, updateUser, deleteUserSessions } from '../db/users-repo.ts';
import { recordAudit } from '../db/audit-repo.ts';
import { unknownTownshipCodes } from '../db/reference-repo.ts';
import { hashPassword } from './password.ts';
import { ROLES, type Role } from './roles.ts';
import { UserCreateSchema } from '../schemas/auth.ts';

const CLI_ACTOR = () => ({ userId: null, username: `(command line: ${process.env.USER ?? 'unknown'})`, role: null, address: 'localhost' });

/**
 * Creates an account from the command line (`npm run user:add`), or resets its password; audited as the
 * command line. Returns a one-line message; throws with a readable message on bad input.
 */
export async function addUser(
  sql: Sql, o: { username: string; password: string; role?: string; townships?: string[]; district?: string; reset?: boolean },
): Promise<string> {
  if (o.reset) {
    const found = await findLogin(sql, o.username);
    if (!found) throw new Error(`no account named ${o.username}`);
    if (o.password.length < 8) throw new Error('the password needs at least 8 characters');
    const passwordHash = await hashPassword(o.password);
    await inTransaction(sql, async (tx) => {
      await updateUser(tx, found.user.id, { passwordHash });
      await deleteUserSessions(tx, found.user.id);
      await recordAudit(tx, { actor: CLI_ACTOR(), action: 'user.update', entity: 'user', entityId: found.user.id, details: { passwordReset: true } });
    });
    return `password of ${found.user.username} reset`;
  }
  if (!ROLES.includes(o.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const district = o.district ?? DEFAULT_DISTRICT_CODE;
  if (district !== CITY_CODE && !isShippedCounty(district)) throw new Error(`--district must be a shipped county code or the city ${CITY_CODE}`);
  const parsed = UserCreateSchema.safeParse({ username: o.username, password: o.password, role: o.role, townships: o.townships, district });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
  if (await findLogin(sql, o.username)) throw new Error(`an account named ${o.username} already exists (use --reset to set its password)`);
  if (parsed.data.townships?.length) {
    if (district !== DEFAULT_DISTRICT_CODE && district !== CITY_CODE) await seedDistrict(sql, district);
    const unknown = await unknownTownshipCodes(sql, district, parsed.data.townships);
    if (unknown.length) throw new Error(`unknown township code(s): ${unknown.join(', ')}`);
  }
  const passwordHash = await hashPassword(parsed.data.password);
  const user = await inTransaction(sql, async (tx) => {
    const u = await insertUser(tx, { username: parsed.data.username, passwordHash, role: parsed.data.role, townships: parsed.data.townships, district });
    await recordAudit(tx, {
      actor: CLI_ACTOR(), action: 'user.create', entity: 'user', entityId: u.id, after: { username: u.username, role: u.role, townships: u.townships, district },
    });
    return u;
  });
  return `account ${user.username} created (${user.role}${user.townships.length ? `: ${user.townships.join(', ')}` : ''})`;
}
