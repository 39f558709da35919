/**
 * Rebuilds geodata/*.json, geodata/district.geojson and geodata/README.md from the raw copies in geodata/sources/.
 * Usage: npx tsx scripts/build-geodata.ts [outDir]   (default: geodata/)
 */
import { fileURLToPath } from 'node:url';
import { buildGeodata, OUTPUT_FILES } from './lib/geodata-build.ts';

export { buildGeodata };

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outDir = process.argv[2] ?? fileURLToPath(new URL('../geodata/', import.meta.url));
  const stats = buildGeodata(outDir);
  console.log(`wrote ${OUTPUT_FILES.join(', ')} to ${outDir}`);
  console.log(`points converted ${stats.points}; residual gcoord-only max ${stats.gcoordOnlyMaxMeters.toFixed(4)} m, ` +
    `refined ${stats.refinedMaxMeters.toExponential(2)} m, stored ${stats.storedMaxMeters.toFixed(4)} m; ` +
    `max gap to reference boundary ${stats.referenceMaxMeters.toFixed(3)} m`);
}
