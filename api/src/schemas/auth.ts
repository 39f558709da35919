import { z } from 'zod';

export const RoleSchema = z.enum(['admin', 'planner', 'township_editor', 'dispatcher', 'viewer']);
const Username = z.string().trim().min(1).max(64).regex(/^[^\s\u0000-\u001f]+$/, 'no spaces or control characters');
/** No NUL: PostgreSQL text cannot hold it, so no stored name or password ever contains one. */
const noNul = (s: string) => !s.includes('\u0000');
const Password = z.string().min(8, 'at least 8 characters').max(256).refine(noNul, 'no NUL character');
const TownshipCodes = z.array(z.string().min(1).max(32)).max(100);

// Request bodies are strict (an unknown field is a 400), like every other schema of the API.
export const LoginSchema = z.strictObject({ username: z.string().min(1).max(64).refine(noNul, 'no NUL character'), password: z.string().min(1).max(256).refine(noNul, 'no NUL character') });
export const PasswordChangeSchema = z.strictObject({ currentPassword: z.string().min(1).max(256).refine(noNul, 'no NUL character'), newPassword: Password });
/** The account's district: a county code, or the city 510800 (reads every county, writes none). */
const DistrictCode = z.string().regex(/^\d{6}$/, 'a 6-digit district code');
export const UserCreateSchema = z.strictObject({
  username: Username, password: Password, role: RoleSchema, townships: TownshipCodes.optional(), district: DistrictCode.optional(),
});
export const UserUpdateSchema = z
  .strictObject({ username: Username, password: Password, role: RoleSchema, townships: TownshipCodes, district: DistrictCode })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export const IdParamSchema = z.object({ id: z.string().min(1).max(64) });
export const TokenCreateSchema = z.strictObject({ name: z.string().trim().min(1).max(100), role: RoleSchema.optional() });
export const SettingsUpdateSchema = z.strictObject({ publicPlannerViews: z.boolean() }).partial();

// A real calendar day: '2026-13-45' matches the pattern but PostgreSQL's ::date refuses it (it answered 500).
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => { const d = new Date(`${s}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s; }, 'not a real date');
export const AuditQuerySchema = z.object({
  site: z.string().max(64).optional(),
  user: z.string().max(64).optional(),
  township: z.string().max(32).optional(),
  action: z.string().max(64).optional(),
  from: Day.optional(),
  to: Day.optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});

export type Login = z.infer<typeof LoginSchema>;
export type UserCreate = z.infer<typeof UserCreateSchema>;
export type UserUpdate = z.infer<typeof UserUpdateSchema>;
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
