import { assignTownship } from '../engine/townships/index.ts';
import { assignTownshipByArea } from '../engine/townships/index.ts';
import type { DemandPoints } from '../engine/types.ts';
import type { PlannerContext } from './planner-context.ts';

/**
 * Township codes of arbitrary points, the same way demand is assigned: imported township polygons
 * where loaded, else the nearest township seat (approximate).
 */
export function townshipsAt(ctx: PlannerContext, points: { lng: number; lat: number }[]): (string | null)[] {
  const areas = ctx.areas;
  const n = points.length;
  const codes = ctx.townships.map((t) => t.code);
  let d: DemandPoints = {
    lng: Float64Array.from(points, (p) => p.lng), lat: Float64Array.from(points, (p) => p.lat),
    population: new Float64Array(n), olderPopulation: new Float64Array(n), townshipIndex: new Int32Array(n).fill(-1),
    townshipCodes: codes, cellHalfSizeMeters: 0, source: { name: 'points', modelled: false, method: '' },
  };
  const seats = ctx.townships.filter((t) => t.seat).map((t) => ({ code: t.code, ...t.seat! }));
  if (seats.length) d = assignTownship(d, seats);
  if (areas.length) d = assignTownshipByArea(d, areas, d.townshipIndex);
  return Array.from(d.townshipIndex, (i) => (i >= 0 ? codes[i] : null));
}
