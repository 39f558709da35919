import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edgeTravelSeconds } from '../../../api/src/engine/network/edge-travel-seconds';
import { multiSourceTravelMinutes } from '../../../api/src/engine/network/multi-source-travel-minutes';
import { DEFAULT_SPEEDS, type RoadGraph, type TravelMode } from '../../../api/src/engine/types';
import {
  at, grid3x3, lineGraph, lineWithIsland, loadEdgesIntoPg, mulberry32, onewaySquare, randomGraph,
} from '../../fixtures/network-graphs';
import { needsPostgres, WITHOUT_POSTGRES_SKIPPED } from '../../helpers/skip-reasons.ts';

const walk = { mode: 'walk' as const, speeds: DEFAULT_SPEEDS };
// Cars at 36 km/h = 10 m/s on residential streets (all edges of onewaySquare are residential).
const car = { mode: 'car' as const, speeds: DEFAULT_SPEEDS, carSpeedsKmh: { residential: 36 } };

describe('multiSourceTravelMinutes', () => {
  it('picks the nearest facility on a line graph', () => {
    // 0 —450— 1 —675— 2 —900— 3, walking 1.25 m/s: 6, 9, 12 minutes per edge.
    // Facilities A at node 0, B at node 3: node 1 = min(6, 21) → A; node 2 = min(15, 12) → B.
    const { graph, nodes } = lineGraph();
    const { nearestFacility, minutes } = multiSourceTravelMinutes(graph, [nodes[0], nodes[3]], walk);
    expect([...nearestFacility]).toEqual([0, 0, 1, 1]);
    expect([...minutes]).toEqual([0, 6, 12, 0]);
  });

  it('treats the cutoff as inclusive (≤)', () => {
    // From node 0: node 2 is exactly 6 + 9 = 15 minutes away.
    const { graph, nodes } = lineGraph();
    const at15 = multiSourceTravelMinutes(graph, [nodes[0]], { ...walk, cutoffMinutes: 15 });
    expect([...at15.minutes]).toEqual([0, 6, 15, Infinity]);
    expect([...at15.nearestFacility]).toEqual([0, 0, 0, -1]);
    const justBelow = multiSourceTravelMinutes(graph, [nodes[0]], { ...walk, cutoffMinutes: 14.99 });
    expect([...justBelow.minutes]).toEqual([0, 6, Infinity, Infinity]);
  });

  it('gives Manhattan times on a 3×3 grid', () => {
    // 100 m edges at 1.25 m/s = 80 s; node r·3+c from a facility at node 0 = (r + c) × 80 s.
    const { graph, nodes } = grid3x3();
    const { minutes } = multiSourceTravelMinutes(graph, [nodes[0]], walk);
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) expect(minutes[r * 3 + c]).toBeCloseTo(((r + c) * 80) / 60, 5);
  });

  it('drives toward the facility respecting oneway streets (walking ignores them)', () => {
    // Facility at node 0. By car (10 m/s) node 2 cannot use 2→1 (oneway 1→2), so it drives 2→3→0 = 6000 m = 600 s;
    // node 1: 1000 m = 100 s; node 3: 3000 m = 300 s. On foot node 2 goes 2→1→0 = 2000 m / 1.25 = 1600 s.
    const { graph, nodes } = onewaySquare();
    const byCar = multiSourceTravelMinutes(graph, [nodes[0]], car);
    expect([...byCar.minutes].map((m) => m * 60)).toEqual([0, 100, 600, 300].map((s) => expect.closeTo(s, 3)));
    const onFoot = multiSourceTravelMinutes(graph, [nodes[0]], walk);
    expect(onFoot.minutes[2] * 60).toBeCloseTo(1600, 3);
  });

  it('leaves nodes in other components unreached', () => {
    const { graph, nodes } = lineWithIsland();
    const { nearestFacility, minutes } = multiSourceTravelMinutes(graph, [nodes[0]], walk);
    expect([...nearestFacility.slice(4)]).toEqual([-1, -1]);
    expect([...minutes.slice(4)]).toEqual([Infinity, Infinity]);
  });

  it('counts the facility access walk', () => {
    // Facility 100 m north of node 1: walks 100 m (80 s) to the road at node 1; node 0 = 80 + 360 s, node 2 = 80 + 540 s.
    const { graph } = lineGraph();
    const { minutes } = multiSourceTravelMinutes(graph, [at(450, 100)], walk);
    expect(minutes[1] * 60).toBeCloseTo(80, 1);
    expect(minutes[0] * 60).toBeCloseTo(440, 1);
    expect(minutes[2] * 60).toBeCloseTo(620, 1);
  });
});

describe.runIf(needsPostgres('multiSourceTravelMinutes vs pgRouting'))(`multiSourceTravelMinutes vs pgRouting${WITHOUT_POSTGRES_SKIPPED}`, () => {
  const schema = `network_test_${process.pid}_${Date.now()}`;
  let sql: postgres.Sql;
  let tableNo = 0;
  beforeAll(async () => {
    sql = postgres(process.env.TEST_DATABASE_URL!, { onnotice: () => {}, max: 1 });
    await sql.unsafe(`CREATE SCHEMA ${schema}`);
  });
  afterAll(async () => {
    await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await sql.end();
  });

  async function load(graph: RoadGraph, mode: TravelMode, carSpeedsKmh?: Record<string, number>): Promise<string> {
    const table = `edges_${tableNo++}`;
    await loadEdgesIntoPg(sql, schema, graph, edgeTravelSeconds(graph, mode, DEFAULT_SPEEDS, { carSpeedsKmh }), table);
    return `SELECT id, source, target, cost, reverse_cost FROM ${schema}.${table}`;
  }

  function expectRelClose(ours: number, theirs: number): void {
    expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(theirs)));
  }

  /** Node → nearest-facility seconds from pgr_dijkstraCost (many nodes to many facility nodes, directed). */
  async function pgToFacilitySeconds(edgesSql: string, nodeCount: number, facilityNodes: number[]): Promise<Float64Array> {
    const rows = await sql<{ start_vid: string; agg_cost: number }[]>`
      SELECT start_vid, min(agg_cost) AS agg_cost
      FROM pgr_dijkstraCost(${edgesSql}, ${Array.from({ length: nodeCount }, (_, i) => i)}::bigint[], ${facilityNodes}::bigint[], true)
      GROUP BY start_vid`;
    const seconds = new Float64Array(nodeCount).fill(Infinity);
    for (const f of facilityNodes) seconds[f] = 0; // pgr_dijkstraCost omits start = end pairs
    for (const row of rows) seconds[Number(row.start_vid)] = Math.min(seconds[Number(row.start_vid)], row.agg_cost);
    return seconds;
  }

  it('matches pgr_drivingDistance (multiple starts, equicost) on the hand-made graphs, walking, with a cutoff', async () => {
    for (const { graph, nodes } of [lineGraph(), grid3x3(), onewaySquare(), lineWithIsland()]) {
      const edgesSql = await load(graph, 'walk');
      const starts = [0, nodes.length - 1];
      const cutoffSeconds = 600;
      const rows = await sql<{ node: string; from_v: string; agg_cost: number }[]>`
        SELECT node, from_v, agg_cost FROM pgr_drivingDistance(${edgesSql}, ${starts}::bigint[], ${cutoffSeconds}, true, true)`;
      const ours = multiSourceTravelMinutes(graph, starts.map((n) => nodes[n]), { ...walk, cutoffMinutes: cutoffSeconds / 60 });
      const reached = new Set<number>();
      for (const row of rows) {
        const node = Number(row.node);
        reached.add(node);
        expectRelClose(ours.minutes[node] * 60, row.agg_cost);
      }
      for (let v = 0; v < graph.nodeCount; v++) if (!reached.has(v)) expect(ours.minutes[v]).toBe(Infinity);
    }
  });

  it('matches pgr_dijkstraCost node → facility by car with oneways (square)', async () => {
    const { graph, nodes } = onewaySquare();
    const edgesSql = await load(graph, 'car', { residential: 36 });
    const pg = await pgToFacilitySeconds(edgesSql, graph.nodeCount, [0]);
    const ours = multiSourceTravelMinutes(graph, [nodes[0]], car);
    for (let v = 0; v < graph.nodeCount; v++) expectRelClose(ours.minutes[v] * 60, pg[v]);
  });

  it('matches pgr_dijkstraCost on a seeded random ~2,000-edge graph (car with oneways, bike, walk)', async () => {
    const { graph, nodes } = randomGraph(20240601, 800);
    expect(graph.targets.length).toBeGreaterThan(1800);
    const random = mulberry32(99);
    const facilityNodes = Array.from({ length: 6 }, () => Math.floor(random() * graph.nodeCount));
    for (const mode of ['car', 'bike', 'walk'] as const) {
      const edgesSql = await load(graph, mode);
      const pg = await pgToFacilitySeconds(edgesSql, graph.nodeCount, facilityNodes);
      const ours = multiSourceTravelMinutes(graph, facilityNodes.map((n) => nodes[n]), { mode, speeds: DEFAULT_SPEEDS });
      let finite = 0;
      for (let v = 0; v < graph.nodeCount; v++) {
        if (pg[v] === Infinity) { expect(ours.minutes[v]).toBe(Infinity); continue; }
        finite++;
        expectRelClose(ours.minutes[v] * 60, pg[v]);
      }
      expect(finite).toBeGreaterThan(graph.nodeCount / 2);
    }
  });
});
