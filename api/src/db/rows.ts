import { z } from 'zod';

/**
 * Types database rows at the edge: every row a repository reads is parsed with the zod schema of its columns, so
 * what leaves `db/` is checked, not cast. A schema mismatch (a migration the code does not know) is a thrown error
 * naming the column, not a wrong value somewhere downstream.
 * @example const [r] = parseRows(DistrictRow, await sql`SELECT * FROM district`)
 */
export function parseRows<S extends z.ZodType>(schema: S, rows: readonly unknown[]): z.infer<S>[] {
  return rows.map((r) => schema.parse(r));
}

/** GeoJSON stored as jsonb: checked to be a geometry object of the given type; coordinates are trusted. */
export const jsonGeometry = <T extends string>(type: T) =>
  z.object({ type: z.literal(type), coordinates: z.array(z.unknown()) }).loose();

export const nullableNumber = z.number().nullable();
