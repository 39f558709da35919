import { z } from 'zod';

export const RoleSchema = z.enum(['admin', 'planner', 'township_editor', 'dispatcher', 'viewer']);
const Username = z.string().trim().min(1).max(64).regex(/^[^\s\u0000-\u001f]+$/, 'no spaces or control characters');
const Password = z.string().min(8, 'at least 8 characters').max(256);
const TownshipCodes = z.array(z.string().min(1).max(32)).max(100);

export const LoginSchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
export const PasswordChangeSchema = z.object({ currentPassword: z.string().min(1).max(256), newPassword: Password });
export const UserCreateSchema = z.object({ username: Username, password: Password, role: RoleSchema, townships: TownshipCodes.optional() });
export const UserUpdateSchema = z
  .object({ username: Username, password: Password, role: RoleSchema, townships: TownshipCodes })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export const IdParamSchema = z.object({ id: z.string().min(1).max(64) });
export const TokenCreateSchema = z.object({ name: z.string().trim().min(1).max(100), role: RoleSchema.optional() });
export const SettingsUpdateSchema = z.object({ publicPlannerViews: z.boolean() }).partial();

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
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
