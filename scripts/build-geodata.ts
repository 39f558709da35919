/**
 * Builds the shipped district packs. 朝天区 (510812, the default district) goes to geodata/ itself, any other county of
 * 广元市 to geodata/districts/<code>/; prints each county's match report.
 * Usage: npm run geodata [-- 510802 | -- --all | -- <outDir for 朝天区>]
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildGeodata, OUTPUT_FILES } from './lib/geodata-build.ts';
import { CITY_CODE, COUNTY_CODES, writeCityRecord, writeCountyPack } from './lib/geodata-county.ts';
import { summaryLine } from './lib/geodata-match-report.ts';
import { CITY_SOURCES_FOLDER } from './lib/geodata-read.ts';

export { buildGeodata };

const GEODATA = fileURLToPath(new URL('../geodata/', import.meta.url));
const CITY_DIR = join(GEODATA, 'sources', CITY_SOURCES_FOLDER);

function buildChaotian(outDir: string) {
  const stats = buildGeodata(outDir);
  console.log(stats.report);
  console.log(`wrote ${OUTPUT_FILES.join(', ')} to ${outDir}`);
  console.log(`points converted ${stats.points}; residual gcoord-only max ${stats.gcoordOnlyMaxMeters.toFixed(4)} m, ` +
    `refined ${stats.refinedMaxMeters.toExponential(2)} m, stored ${stats.storedMaxMeters.toFixed(4)} m; ` +
    `max gap to reference boundary ${stats.referenceMaxMeters.toFixed(3)} m`);
  return summaryLine(stats.summary);
}

function build(code: string): string {
  if (code === '510812') return buildChaotian(GEODATA);
  if (code === CITY_CODE) {
    writeCityRecord(CITY_DIR, join(GEODATA, 'districts', CITY_CODE));
    return `${CITY_CODE} 广元市: outline written (parent record)`;
  }
  const outDir = join(GEODATA, 'districts', code);
  const pack = writeCountyPack(code, CITY_DIR, outDir);
  console.log(pack.report);
  console.log(`wrote ${code} to ${outDir}`);
  return summaryLine(pack.summary);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = process.argv[2];
  if (arg === '--all') {
    const lines = [...COUNTY_CODES, CITY_CODE].map(build);
    console.log(`\nsummary\n${lines.join('\n')}`);
  } else if (arg && /^\d{6}$/.test(arg)) {
    if (![...COUNTY_CODES, CITY_CODE].includes(arg as never)) throw new Error(`${arg}: not a county of 广元市 (${COUNTY_CODES.join(', ')})`);
    console.log(build(arg));
  } else {
    console.log(buildChaotian(arg ?? GEODATA));
  }
}
