import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GEODATA_DIR } from '../project-paths.ts';
import { DEFAULT_QUOTA_RULE_SET, QUOTA_RULE_SETS } from '../engine/townships/index.ts';

/** The district the app opens on: 朝天区, whose pack is geodata/ itself. */
export const DEFAULT_DISTRICT_CODE = '510812';
/** The city (广元市): the parent record, and the scope of users who read every county. */
export const CITY_CODE = '510800';

/** The folder of a county's shipped pack: geodata/ for the default district, geodata/districts/<code>/ otherwise. */
export function packDir(code: string, geodataDir: string = GEODATA_DIR): string {
  return code === DEFAULT_DISTRICT_CODE ? geodataDir : join(geodataDir, 'districts', code);
}

/** One shipped district pack (or the city that contains them), as GET /api/districts lists it. */
export interface DistrictSummary {
  code: string;
  name: string;
  nameEn: string | null;
  /** 2020 census population; for the city the sum of its counties' (no city row in the source). */
  population: number;
  townships: number;
  villages: number;
  default: boolean;
  /** The city's code for a county; null for the city. */
  parentCode: string | null;
  /** The quota rules the county is checked against, and whether they are its own (false: borrowed until entered). */
  quotaRuleSet: { id: string; name: string; own: boolean } | null;
  /** Where the figures come from. */
  source: string;
}

const readJson = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));

function countySummary(dir: string): DistrictSummary {
  const p = readJson(dir, 'district.geojson').features[0].properties as { code: string; name: string; nameEn?: string | null };
  const census = readJson(dir, 'census-2020.json') as { population: number };
  const rules = QUOTA_RULE_SETS[DEFAULT_QUOTA_RULE_SET];
  return {
    code: p.code, name: p.name, nameEn: p.nameEn ?? null, population: census.population,
    townships: (readJson(dir, 'townships.json') as unknown[]).length,
    villages: (readJson(dir, 'villages.json') as unknown[]).length,
    default: p.code === DEFAULT_DISTRICT_CODE, parentCode: CITY_CODE,
    // No county has entered its own rules yet: each uses 朝天区's 2023 plan (own only for 朝天区 itself).
    quotaRuleSet: { id: rules.id, name: rules.name, own: p.code === DEFAULT_DISTRICT_CODE },
    source: 'shipped pack: census-2020.json (2020 census county total), townships.json, villages.json',
  };
}

/**
 * Every shipped district pack: 朝天区 from geodata/, the other counties from geodata/districts/<code>/, and the city
 * (geodata/districts/510800/) as a parent record whose figures are the sums of its counties'.
 */
export function listDistrictPacks(geodataDir: string = GEODATA_DIR): DistrictSummary[] {
  const districtsDir = join(geodataDir, 'districts');
  const others = existsSync(districtsDir)
    ? readdirSync(districtsDir).filter((c) => c !== CITY_CODE && existsSync(join(districtsDir, c, 'census-2020.json'))).sort()
    : [];
  const counties = [countySummary(geodataDir), ...others.map((c) => countySummary(join(districtsDir, c)))]
    .sort((a, b) => a.code.localeCompare(b.code));
  const cityDir = join(districtsDir, CITY_CODE);
  if (!existsSync(join(cityDir, 'district.geojson'))) return counties;
  const city = readJson(cityDir, 'district.geojson').features[0].properties as { code: string; name: string; nameEn?: string };
  const sum = (k: 'population' | 'townships' | 'villages') => counties.reduce((a, c) => a + c[k], 0);
  return [
    {
      code: city.code, name: city.name, nameEn: city.nameEn ?? null, population: sum('population'),
      townships: sum('townships'), villages: sum('villages'), default: false, parentCode: null, quotaRuleSet: null,
      source: `sum of the ${counties.length} county packs (the census source has no city row)`,
    },
    ...counties,
  ];
}

let cached: DistrictSummary[] | undefined;
/** Whether `code` names a county this server ships a pack for (not the city). */
export function isShippedCounty(code: string): boolean {
  return shippedDistricts().some((d) => d.code === code && d.parentCode !== null);
}

/** The Chinese name of a shipped district (titles, export file names); the code itself when unknown. */
export function districtNameOf(code: string): string {
  return shippedDistricts().find((d) => d.code === code)?.name ?? code;
}

/** {@link listDistrictPacks} over the shipped geodata/, read once (the packs do not change while the server runs). */
export function shippedDistricts(): DistrictSummary[] {
  cached ??= listDistrictPacks();
  return cached;
}
