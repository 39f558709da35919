import type { Sql } from './client.ts';

/** Server-wide settings an admin may change. */
export interface Settings {
  /** Anonymous visitors may read the planner views (maps, reports, exports); writes still need a login. */
  publicPlannerViews: boolean;
}

export const DEFAULT_SETTINGS: Settings = { publicPlannerViews: false };

export async function getSettings(sql: Sql): Promise<Settings> {
  const rows = await sql<{ key: string; value: unknown }[]>`SELECT key, value FROM settings`;
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) if (r.key in DEFAULT_SETTINGS) out[r.key] = r.value;
  return out as unknown as Settings;
}

export async function saveSettings(sql: Sql, patch: Partial<Settings>): Promise<Settings> {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    await sql`INSERT INTO settings (key, value) VALUES (${key}, ${sql.json(value as never)})
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`;
  }
  return getSettings(sql);
}
