/** `--district CODE` of the import CLIs: which county the data goes to (朝天区 510812 when absent). */
import { DEFAULT_DISTRICT_CODE, shippedDistricts } from '../../api/src/services/district-packs.ts';
import type { CliIo } from './run-import-cli.ts';

/** The county code from `--district` (the default county when absent); false (after printing why) for any other code. */
export function districtOption(io: CliIo, value: string | undefined): string | false {
  if (value === undefined) return DEFAULT_DISTRICT_CODE;
  const counties = shippedDistricts().filter((d) => d.parentCode !== null);
  if (counties.some((d) => d.code === value)) return value;
  io.error(`error: --district must be a county of the city: ${counties.map((d) => `${d.code} ${d.name}`).join(', ')} (got "${value}")`);
  return false;
}
