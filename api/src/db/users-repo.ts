import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Sql } from './client.ts';
import { ROLES, roleAtMost, type Role } from '../auth/roles.ts';
import { isoTimestamp, parseRows } from './rows.ts';
import { DEFAULT_DISTRICT_CODE } from '../services/district-packs.ts';

/** An account as the API shows it (never the password hash). */
export interface User {
  id: string;
  username: string;
  role: Role;
  townships: string[];
  /** The district the account works in (a county code), or the city 510800: reads every county, writes none. */
  district: string;
  createdAt: string;
  updatedAt: string;
}

/** Who is making a request: the account, and the role it acts with (a token's role may be lower). */
export interface Principal {
  user: User;
  role: Role;
  via: 'session' | 'token';
  csrfToken?: string;
  tokenId?: string;
  /** When a session ends (ISO time); tokens do not expire. */
  expiresAt?: string;
}

const RoleColumn = z.enum(ROLES);

/** A `users` row (`SELECT *`); `townships` is a jsonb array of township codes. */
const UserRow = z.object({
  id: z.string(), username: z.string(), password_hash: z.string(), role: RoleColumn, townships: z.array(z.string()), district_code: z.string(),
  created_at: isoTimestamp, updated_at: isoTimestamp,
});

const toUser = (r: z.infer<typeof UserRow>): User => ({
  id: r.id, username: r.username, role: r.role, townships: r.townships, district: r.district_code,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const secret = () => randomBytes(32).toString('base64url');

export const SESSION_HOURS = 12;

export async function listUsers(sql: Sql): Promise<User[]> {
  return parseRows(UserRow, await sql`SELECT * FROM users ORDER BY username`).map(toUser);
}

export async function getUser(sql: Sql, id: string): Promise<User | null> {
  const [r] = parseRows(UserRow, await sql`SELECT * FROM users WHERE id = ${id}`);
  return r ? toUser(r) : null;
}

/** The user and stored hash for a login (username compared case-insensitively). */
export async function findLogin(sql: Sql, username: string): Promise<{ user: User; passwordHash: string } | null> {
  const [r] = parseRows(UserRow, await sql`SELECT * FROM users WHERE lower(username) = lower(${username})`);
  return r ? { user: toUser(r), passwordHash: r.password_hash } : null;
}

export async function countAdmins(sql: Sql): Promise<number> {
  const [r] = parseRows(z.object({ n: z.number() }), await sql`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`);
  return r.n;
}

export async function insertUser(
  sql: Sql, u: { username: string; passwordHash: string; role: Role; townships?: string[]; district?: string },
): Promise<User> {
  const [r] = parseRows(UserRow, await sql`
    INSERT INTO users (id, username, password_hash, role, townships, district_code)
    VALUES (${'u_' + randomUUID().replace(/-/g, '').slice(0, 16)}, ${u.username}, ${u.passwordHash}, ${u.role}, ${sql.json(u.townships ?? [])}, ${u.district ?? DEFAULT_DISTRICT_CODE})
    RETURNING *`);
  return toUser(r);
}

export async function updateUser(
  sql: Sql, id: string, patch: { username?: string; passwordHash?: string; role?: Role; townships?: string[]; district?: string },
): Promise<User | null> {
  const cols: Record<string, unknown> = {};
  if (patch.username !== undefined) cols.username = patch.username;
  if (patch.passwordHash !== undefined) cols.password_hash = patch.passwordHash;
  if (patch.role !== undefined) cols.role = patch.role;
  if (patch.townships !== undefined) cols.townships = sql.json(patch.townships);
  if (patch.district !== undefined) cols.district_code = patch.district;
  const [r] = parseRows(UserRow, await sql`UPDATE users SET ${sql(cols)}, updated_at = now() WHERE id = ${id} RETURNING *`);
  return r ? toUser(r) : null;
}

export async function deleteUser(sql: Sql, id: string): Promise<boolean> {
  return (await sql`DELETE FROM users WHERE id = ${id}`).count > 0;
}

/** Starts a session; returns the secret for the cookie (only its hash is stored) and the CSRF token. */
export async function createSession(sql: Sql, userId: string): Promise<{ secret: string; csrfToken: string; expiresAt: Date }> {
  const s = secret();
  const csrfToken = secret();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await sql`DELETE FROM sessions WHERE expires_at < now()`;
  await sql`INSERT INTO sessions (secret_hash, user_id, csrf_token, expires_at) VALUES (${sha256(s)}, ${userId}, ${csrfToken}, ${expiresAt})`;
  return { secret: s, csrfToken, expiresAt };
}

export async function sessionPrincipal(sql: Sql, sessionSecret: string): Promise<Principal | null> {
  const [r] = parseRows(UserRow.extend({ csrf_token: z.string(), expires_at: isoTimestamp }), await sql`
    SELECT u.*, s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.secret_hash = ${sha256(sessionSecret)} AND s.expires_at > now()`);
  if (!r) return null;
  const user = toUser(r);
  return { user, role: user.role, via: 'session', csrfToken: r.csrf_token, expiresAt: r.expires_at };
}

export async function deleteSession(sql: Sql, sessionSecret: string): Promise<void> {
  await sql`DELETE FROM sessions WHERE secret_hash = ${sha256(sessionSecret)}`;
}

/** Ends every session of a user (after a password change or reset), except `keep` if given. */
export async function deleteUserSessions(sql: Sql, userId: string, keep?: string): Promise<void> {
  await sql`DELETE FROM sessions WHERE user_id = ${userId} ${keep ? sql`AND secret_hash <> ${sha256(keep)}` : sql``}`;
}

export interface ApiToken {
  id: string; userId: string; username: string; name: string; role: Role; createdAt: string; lastUsedAt: string | null; revokedAt: string | null;
}

const TokenRow = z.object({
  id: z.string(), user_id: z.string(), username: z.string(), name: z.string(), role: RoleColumn,
  created_at: isoTimestamp, last_used_at: isoTimestamp.nullable(), revoked_at: isoTimestamp.nullable(),
});

/** Creates an API token; the returned `token` is shown once and stored only as its hash. */
export async function createToken(sql: Sql, t: { userId: string; name: string; role: Role }): Promise<{ id: string; token: string }> {
  const id = 't_' + randomUUID().replace(/-/g, '').slice(0, 16);
  const token = `ctp_${secret()}`;
  await sql`INSERT INTO api_tokens (id, token_hash, user_id, name, role) VALUES (${id}, ${sha256(token)}, ${t.userId}, ${t.name}, ${t.role})`;
  return { id, token };
}

export async function listTokens(sql: Sql, userId?: string): Promise<ApiToken[]> {
  const rows = parseRows(TokenRow, await sql`
    SELECT t.*, u.username FROM api_tokens t JOIN users u ON u.id = t.user_id
    ${userId ? sql`WHERE t.user_id = ${userId}` : sql``} ORDER BY t.created_at DESC, t.id`);
  return rows.map((r) => ({
    id: r.id, userId: r.user_id, username: r.username, name: r.name, role: r.role,
    createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at,
  }));
}

export async function revokeToken(sql: Sql, id: string): Promise<boolean> {
  return (await sql`UPDATE api_tokens SET revoked_at = now() WHERE id = ${id} AND revoked_at IS NULL`).count > 0;
}

/**
 * The principal of a bearer token; the token's role is capped by its owner's current role. Records the use
 * (`last_used_at`; the API caches principals briefly, so it is exact to a few seconds).
 */
export async function tokenPrincipal(sql: Sql, token: string): Promise<Principal | null> {
  const [r] = parseRows(UserRow.extend({ token_id: z.string(), token_role: RoleColumn }), await sql`
    UPDATE api_tokens t SET last_used_at = now() FROM users u
    WHERE t.token_hash = ${sha256(token)} AND t.revoked_at IS NULL AND u.id = t.user_id
    RETURNING u.*, t.id AS token_id, t.role AS token_role`);
  if (!r) return null;
  const user = toUser(r);
  const role = roleAtMost(r.token_role, user.role) ? r.token_role : user.role;
  return { user, role, via: 'token', tokenId: r.token_id };
}
