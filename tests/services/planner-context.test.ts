import { readFileSync } from 'node:fs';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { loadPlannerContext, MODELLED_CELL_METERS } from '../../api/src/services/planner-context.ts';
import { BACKENDS, freshDatabase } from '../helpers/test-db.ts';

const census = JSON.parse(readFileSync(new URL('../../geodata/census-2020.json', import.meta.url), 'utf8')) as {
  population: number; olderShare: number;
};
const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

for (const backend of BACKENDS) {
  describe(`loadPlannerContext on the shipped data [${backend}]`, () => {
    let db: Database;
    beforeEach(async () => { db = await freshDatabase(backend); });
    afterEach(async () => { await db?.close(); });

    it('models demand that sums to the census, with every cell inside the district and a township for each', async () => {
      const ctx = await loadPlannerContext(db.sql, '510812');
      const d = ctx.demand;
      expect(ctx.demandInfo.modelled).toBe(true);
      expect(sum(d.population)).toBeCloseTo(census.population, 6);
      expect(sum(d.olderPopulation)).toBeCloseTo(census.population * census.olderShare, 6);
      expect(ctx.demandInfo.population).toBeCloseTo(census.population, 6);
      for (let i = 0; i < d.lng.length; i++) expect(booleanPointInPolygon([d.lng[i], d.lat[i]], ctx.boundary)).toBe(true);
      // One cell per MODELLED_CELL_METERS square: the cells tile the district's area within 3%.
      const cellKm2 = (MODELLED_CELL_METERS / 1000) ** 2;
      const km2 = area(ctx.boundary) / 1e6;
      expect(d.lng.length * cellKm2).toBeGreaterThan(km2 * 0.97);
      expect(d.lng.length * cellKm2).toBeLessThan(km2 * 1.03);
      expect(Array.from(d.townshipIndex).every((t) => t >= 0 && t < ctx.townships.length)).toBe(true);
      expect(ctx.demandInfo.townshipAssignment).toBe('approximate-nearest-seat');
    });
  });
}
