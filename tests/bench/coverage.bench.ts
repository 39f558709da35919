/**
 * Coverage engine bench: 500 sites over 50,000 demand points (seeded, district bbox
 * 105.63–106.30E, 32.48–32.87N), 15-minute walk by straight line (4.5 km/h, detour 1.3 → 865 m).
 * Baseline in the same process: the naive Turf method (circle per site, union all, point-in-polygon).
 * Setup asserts that both give the same covered population (points within 3 m of a circle are
 * re-drawn first, because Turf's 64-gon lies up to ~1 m inside the true circle).
 */
import { bench, describe } from 'vitest';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { circle } from '@turf/circle';
import { featureCollection } from '@turf/helpers';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { coverageFromReach } from '../../api/src/engine/coverage/index.ts';
import { createIncrementalCoverage } from '../../api/src/engine/coverage/index.ts';
import { createStraightLineReach } from '../../api/src/engine/coverage/index.ts';
import { haversineMeters } from '../../api/src/engine/geo/index.ts';
import { straightLineRadiusMeters } from '../../api/src/engine/coverage/index.ts';
import { straightLineReach } from '../../api/src/engine/coverage/index.ts';
import type { DemandPoints } from '../../api/src/engine/types';
import { makeDemand, randomFacilities, seededRandom } from '../engine/coverage-helpers';

const BOX: [number, number, number, number] = [105.63, 32.48, 106.3, 32.87];
const radiusMeters = straightLineRadiusMeters(4.5, 15, 1.3);
const opts = { radiusMeters, speedKmh: 4.5, detourFactor: 1.3 };
const facilities = randomFacilities(500, 500, BOX);

function demandAwayFromCircles(count: number, seed: number): DemandPoints {
  const rnd = seededRandom(seed);
  const rows: Array<[number, number, number, number]> = [];
  while (rows.length < count) {
    const lng = BOX[0] + rnd() * (BOX[2] - BOX[0]);
    const lat = BOX[1] + rnd() * (BOX[3] - BOX[1]);
    const pop = 1 + Math.floor(rnd() * 9);
    let ambiguous = false;
    for (const f of facilities) {
      if (Math.abs(f.lat - lat) > 0.01) continue; // > 1.1 km apart in latitude alone
      if (Math.abs(haversineMeters(f.lng, f.lat, lng, lat) - radiusMeters) < 3) { ambiguous = true; break; }
    }
    if (!ambiguous) rows.push([lng, lat, pop, Math.min(11, Math.floor(((lng - BOX[0]) / (BOX[2] - BOX[0])) * 12))]);
  }
  return makeDemand(rows, Array.from({ length: 12 }, (_, k) => `t${k}`));
}
const demand = demandAwayFromCircles(50_000, 501);

const engineCovered = () => coverageFromReach(demand, facilities, straightLineReach(demand, facilities, opts)).totals.covered;
function turfCovered(): number {
  const circles = facilities.map((f) => circle([f.lng, f.lat], radiusMeters, { steps: 64, units: 'meters' }));
  const merged = union(featureCollection(circles)) as Feature<Polygon | MultiPolygon>;
  let outside = 0, total = 0;
  for (let i = 0; i < demand.lng.length; i++) {
    total += demand.population[i];
    if (!booleanPointInPolygon([demand.lng[i], demand.lat[i]], merged)) outside += demand.population[i];
  }
  return total - outside;
}
const time = (fn: () => unknown, runs: number) => {
  const t0 = performance.now();
  for (let k = 0; k < runs; k++) fn();
  return (performance.now() - t0) / runs;
};

// ---- setup: same answer, then timings measured here for the summary line ----
const ours = engineCovered();
const theirs = turfCovered();
console.log(`[coverage bench] covered population: engine ${ours}, turf baseline ${theirs} (of ${demand.population.reduce((s, p) => s + p, 0)})`);
if (ours !== theirs) throw new Error(`coverage bench: engine covered ${ours} ≠ turf baseline ${theirs}`);

time(engineCovered, 3); // warm-up
const engineMs = time(engineCovered, 20);
const turfMs = time(turfCovered, 2);

const live = createIncrementalCoverage(demand, facilities, createStraightLineReach(demand, opts));
const rnd = seededRandom(502);
const moveTimes: number[] = [];
for (let k = 0; k < 2000; k++) {
  const id = facilities[Math.floor(rnd() * facilities.length)].id;
  const lng = BOX[0] + rnd() * (BOX[2] - BOX[0]), lat = BOX[1] + rnd() * (BOX[3] - BOX[1]);
  const t0 = performance.now();
  live.moveFacility(id, lng, lat);
  moveTimes.push(performance.now() - t0);
}
moveTimes.sort((a, b) => a - b);
const moveMean = moveTimes.reduce((s, t) => s + t, 0) / moveTimes.length;
const moveP99 = moveTimes[Math.floor(moveTimes.length * 0.99)];
const moveMax = moveTimes[moveTimes.length - 1];
console.log(
  `[coverage bench] SUMMARY 500 sites × 50,000 points, r = ${radiusMeters.toFixed(1)} m: ` +
  `engine full ${engineMs.toFixed(2)} ms, turf baseline ${turfMs.toFixed(0)} ms → ${(turfMs / engineMs).toFixed(0)}× (goal ≥ 50×); ` +
  `incremental move mean ${moveMean.toFixed(3)} ms, p99 ${moveP99.toFixed(3)} ms, max ${moveMax.toFixed(3)} ms (goal < 16 ms) → ` +
  `${(engineMs / moveMean).toFixed(0)}× faster than a full recompute`,
);

describe('coverage: 500 sites × 50,000 demand points', () => {
  bench('engine: straight-line reach + coverageFromReach', () => { engineCovered(); });
  bench('baseline: turf circle + union + booleanPointInPolygon', () => { turfCovered(); }, { iterations: 2, warmupIterations: 0, time: 0, warmupTime: 0 });
});

describe('incremental move (500 sites × 50,000 points)', () => {
  let k = 0;
  const r = seededRandom(503);
  bench('moveFacility', () => {
    const id = facilities[k++ % facilities.length].id;
    live.moveFacility(id, BOX[0] + r() * (BOX[2] - BOX[0]), BOX[1] + r() * (BOX[3] - BOX[1]));
  });
});
