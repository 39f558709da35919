import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packDir } from './district-packs.ts';

/** A county's 2020 census totals as shipped (census-2020.json of its pack). */
export interface CensusTotals {
  population: number;
  urbanShare: number;
  olderShare: number;
  referenceDate: string;
}

const cache = new Map<string, CensusTotals>();

/** The county's census totals, read from its pack on first use (the packs do not change while the server runs). */
export function censusOf(district: string): CensusTotals {
  let c = cache.get(district);
  if (!c) {
    c = JSON.parse(readFileSync(join(packDir(district), 'census-2020.json'), 'utf8')) as CensusTotals;
    cache.set(district, c);
  }
  return c;
}
