/** geodata/census-2020.json from the tudigong county rows (values read from the CSVs, never typed in). */
import type { SourceFiles } from './geodata-read.ts';

const BANDS_65_PLUS = ['AGES_65-69', 'AGES_70-74', 'AGES_75-79', 'AGES_80-84', 'AGES_85P'];
const BROAD_BANDS = ['AGES_0-14', 'AGES_15-64', 'AGES_65P'];
const SHARE_TOLERANCE = 0.0015; // the CSV rounds every share to 4 decimals

function num(row: Record<string, string>, column: string): number {
  const value = Number(row[column]);
  if (row[column] === undefined || row[column] === '' || !Number.isFinite(value)) {
    throw new Error(`census: column ${column} missing or not a number`);
  }
  return value;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Which county row and files the census record came from (朝天区's per-county copies by default). */
export interface CensusOrigin { code: string; name: string; files: string[] }
export const CHAOTIAN_CENSUS_FILES = ['population-510812.csv', 'ages-510812.csv', 'households-510812.csv', 'ghsl-510812.csv'];

export function censusRecord(
  c: SourceFiles['census'], origin: CensusOrigin = { code: '510812', name: '朝天区', files: CHAOTIAN_CENSUS_FILES },
) {
  const olderShare = num(c.ages, 'AGES_65P');
  const bands65 = round4(BANDS_65_PLUS.reduce((sum, col) => sum + num(c.ages, col), 0));
  const broad = round4(BROAD_BANDS.reduce((sum, col) => sum + num(c.ages, col), 0));
  if (Math.abs(bands65 - olderShare) > SHARE_TOLERANCE || Math.abs(broad - 1) > SHARE_TOLERANCE) {
    throw new Error(`census: AGES_65P ${olderShare} inconsistent with bands (${bands65}) or broad sum (${broad})`);
  }
  const h = c.households;
  return {
    districtCode: origin.code,
    name: origin.name,
    referenceDate: '2020-11-01',
    population: num(c.population, 'POPU'),
    urbanShare: num(c.population, 'POPU_URB'),
    olderShare,
    households: null,
    householdIndicators: {
      note: 'No household count in the source; these are the HHLD_* columns as given. Meanings inferred from column ' +
        'names (no data dictionary): HHLD_S ≈ average household size (persons), HHLD_1P/1G/2G/3G/4GP ≈ shares of ' +
        'one-person / one- to four-plus-generation households, HHLD_65* ≈ shares of households with members aged 65+.',
      ...Object.fromEntries(Object.keys(h).filter((k) => k.startsWith('HHLD_')).map((k) => [k, num(h, k)])),
    },
    ghslPopulation: {
      value: num(c.ghsl, 'GHSL_POP'),
      modelled: true,
      sourceId: 'ghsl-pop-tudigong',
      note: 'Modelled GHSL (GHS-POP R2023A) estimate aggregated to the district by tudigong; not a census count.',
    },
    source: {
      id: 'census-2020-tudigong',
      columns: { population: 'POPU', urbanShare: 'POPU_URB', olderShare: 'AGES_65P', ghslPopulation: 'GHSL_POP' },
      files: origin.files,
      checks: {
        olderShareFromFiveYearBands: bands65,
        broadAgeBandsSum: broad,
      },
      note: 'County totals of the 7th census (常住人口). olderShare = AGES_65P (share aged 65+), consistent with the ' +
        'sum of the 65-69 … 85+ bands and with 0-14 + 15-64 + 65+ = 1 (shares rounded to 4 decimals in the source).',
    },
  };
}
