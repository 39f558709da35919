import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GEODATA_DIR } from '../project-paths.ts';

/** The district's 2020 census totals as shipped (geodata/census-2020.json), read once. */
export interface CensusTotals {
  population: number;
  urbanShare: number;
  olderShare: number;
  referenceDate: string;
}

export const CENSUS: CensusTotals = JSON.parse(readFileSync(join(GEODATA_DIR, 'census-2020.json'), 'utf8')) as CensusTotals;
