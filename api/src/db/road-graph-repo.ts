import { z } from 'zod';
import { isoTimestamp, parseRows } from './rows.ts';
import { ROAD_CLASSES, type RoadClass, type RoadGraph } from '../engine/types.ts';
import { deserializeRoadGraph, serializeRoadGraph } from './road-graph-codec.ts';
import { inTransaction, type Sql } from './client.ts';
import { insertDataSource, type NewDataSource } from './import-repo.ts';
import { bumpDataVersion } from './version-repo.ts';

/** What `road_graphs.speeds` holds: the full car speed table used for this graph (km/h per class). */
export interface RoadGraphSpeeds {
  carSpeedsKmh: Record<RoadClass, number>;
  /** 'default' or the file the overrides came from. */
  origin: string;
}

export interface RoadGraphInfo {
  id: number;
  sourceName: string;
  nodeCount: number;
  edgeCount: number;
  speeds: RoadGraphSpeeds;
  createdAt: string;
  bytes: number;
}

const SpeedsColumn: z.ZodType<RoadGraphSpeeds> = z.object({
  carSpeedsKmh: z.record(z.enum(ROAD_CLASSES), z.number()), origin: z.string(),
});
const RoadGraphRow = z.object({
  id: z.number(), source_name: z.string(), node_count: z.number(), edge_count: z.number(), speeds: SpeedsColumn,
  created_at: isoTimestamp,
});

/**
 * Stores a road graph and makes it the active one, in one transaction together with its data source
 * row and a data-version bump: a failure leaves the previous active graph untouched.
 */
export async function saveRoadGraph(
  sql: Sql, district: string,
  input: { graph: RoadGraph; sourceName: string; speeds: RoadGraphSpeeds; source: NewDataSource },
): Promise<RoadGraphInfo> {
  const blob = serializeRoadGraph(input.graph);
  return inTransaction(sql, async (tx) => {
    await insertDataSource(tx, district, input.source);
    await tx`UPDATE road_graphs SET active = false WHERE district_code = ${district} AND active`;
    const [r] = parseRows(RoadGraphRow.pick({ id: true, created_at: true }), await tx`
      INSERT INTO road_graphs (district_code, source_name, node_count, edge_count, data, speeds, active)
      VALUES (${district}, ${input.sourceName}, ${input.graph.nodeCount}, ${input.graph.targets.length},
              ${Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength)}, ${tx.json(input.speeds as never)}, true)
      RETURNING id, created_at`);
    await bumpDataVersion(tx, district);
    return {
      id: r.id, sourceName: input.sourceName, nodeCount: input.graph.nodeCount, edgeCount: input.graph.targets.length,
      speeds: input.speeds, createdAt: r.created_at, bytes: blob.byteLength,
    };
  });
}

/** The active road graph, decoded, or null when none was imported. */
export async function loadActiveRoadGraph(sql: Sql, district: string): Promise<(RoadGraphInfo & { graph: RoadGraph }) | null> {
  const [r] = parseRows(RoadGraphRow.extend({ data: z.instanceof(Uint8Array) }),
    await sql`SELECT id, source_name, node_count, edge_count, data, speeds, created_at FROM road_graphs
    WHERE district_code = ${district} AND active`);
  if (!r) return null;
  return {
    id: r.id, sourceName: r.source_name, nodeCount: r.node_count, edgeCount: r.edge_count, speeds: r.speeds,
    createdAt: r.created_at, bytes: r.data.byteLength, graph: deserializeRoadGraph(r.data),
  };
}

/** Metadata of every stored road graph (no blobs), newest first. */
export async function listRoadGraphs(sql: Sql, district: string): Promise<(RoadGraphInfo & { active: boolean })[]> {
  const rows = parseRows(RoadGraphRow.extend({ active: z.boolean(), bytes: z.number() }),
    await sql`SELECT id, source_name, node_count, edge_count, speeds, created_at, active, octet_length(data) AS bytes
    FROM road_graphs WHERE district_code = ${district} ORDER BY id DESC`);
  return rows.map((r) => ({
    id: r.id, sourceName: r.source_name, nodeCount: r.node_count, edgeCount: r.edge_count, speeds: r.speeds,
    createdAt: r.created_at, bytes: r.bytes, active: r.active,
  }));
}

/** The id of the active road graph, or null when none is stored (without loading the graph). */
export async function getActiveRoadGraphId(sql: Sql, district: string): Promise<number | null> {
  const [r] = parseRows(z.object({ id: z.number() }), await sql`SELECT id FROM road_graphs WHERE district_code = ${district} AND active`);
  return r?.id ?? null;
}
