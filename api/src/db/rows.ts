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

const position = z.array(z.number()).min(2);
/** A GeoJSON Polygon or MultiPolygon stored as jsonb, coordinates checked to be numbers. */
export const polygonal = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
]);

export const nullableNumber = z.number().nullable();

/** `timestamptz`: postgres.js returns a Date; an ISO string is accepted too. */
export const timestamp = z.union([z.date(), z.string()]).transform((d) => new Date(d));

/** `timestamptz` as the API shows it: an ISO string. */
export const isoTimestamp = timestamp.transform((d) => d.toISOString());

/** `date`: postgres.js returns a Date at UTC midnight; as `YYYY-MM-DD`. */
export const isoDay = z.union([z.date(), z.string()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d.slice(0, 10)));

/** `bigint`/`bigserial`: the client maps int8 to a JS bigint (client.ts `types`); our counters fit a number. */
export const int8 = z.union([z.bigint(), z.number()]).transform(Number);
