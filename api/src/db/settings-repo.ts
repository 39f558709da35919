import { z } from 'zod';
import type { Sql } from './client.ts';
import { parseRows } from './rows.ts';

/** Server-wide settings an admin may change. */
export interface Settings {
  /** Anonymous visitors may read the planner views (maps, reports, exports); writes still need a login. */
  publicPlannerViews: boolean;
}

export const DEFAULT_SETTINGS: Settings = { publicPlannerViews: false };

/** The settings as stored, one jsonb `value` per key; keys the code does not know are ignored. */
const StoredSettings: z.ZodType<Settings> = z.object({ publicPlannerViews: z.boolean() });

const SettingRow = z.object({ key: z.string(), value: z.unknown() });

export async function getSettings(sql: Sql): Promise<Settings> {
  const stored = Object.fromEntries(parseRows(SettingRow, await sql`SELECT key, value FROM settings`).map((r) => [r.key, r.value]));
  return StoredSettings.parse({ ...DEFAULT_SETTINGS, ...stored });
}

export async function saveSettings(sql: Sql, patch: Partial<Settings>): Promise<Settings> {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    await sql`INSERT INTO settings (key, value) VALUES (${key}, ${sql.json(value as never)})
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`;
  }
  return getSettings(sql);
}
