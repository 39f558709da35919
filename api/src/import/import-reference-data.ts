/**
 * Imports of measured reference data: township polygons, village points/populations and population
 * grids. Each commit records its data source (modelled: false) and, for populations, makes a new
 * demand set active (replacing the modelled demand), all in one transaction.
 */
import { inTransaction, type Sql } from '../db/client.ts';
import {
  activateDemandSet, commitTownshipBoundaries, commitVillageUpdates, insertDataSource, newDataSourceId, villageDemandPoints,
  type NewDataSource,
} from '../db/import-repo.ts';
import { getDataVersion } from '../db/version-repo.ts';
import { InvalidInputError } from '../domain-errors.ts';
import { CRS_LABEL, datumNote } from './crs.ts';
import { checkSize, loadContext, refuseIfNeeded, skippedRows, type ImportInput } from './import-context.ts';
import { planPopulationImport, type PopulationImportPlan } from './plan-population-import.ts';
import { planTownshipImport, type TownshipImportPlan } from './plan-township-import.ts';
import { planVillageImport, type VillageImportPlan } from './plan-village-import.ts';
import { readTable } from './read-table.ts';

export interface Committed {
  sourceId: string;
  dataVersion: number;
  skipped: { row: number; reasons: string[] }[];
}

function source(kind: string, input: ImportInput, notes: string): NewDataSource {
  if (!input.licence?.trim()) throw new InvalidInputError('licence is required: say under which licence or permission the data may be used');
  return {
    id: newDataSourceId(kind), name: input.sourceName?.trim() || input.fileName, licence: input.licence.trim(),
    attribution: input.attribution ?? '', datum: datumNote(input.crs), vintage: input.vintage ?? '', modelled: false,
    origin: input.fileName, notes,
  };
}

export type TownshipImportResult = Omit<TownshipImportPlan, 'boundaries'> & {
  mode: 'preview' | 'commit'; townships: { row: number; code: string; name: string }[];
  committed?: Committed & { updated: number };
};

/**
 * Township polygons (GeoJSON) → townships.boundary, replacing the approximate areas.
 * @example await importTownships(sql, { bytes, fileName: 'townships.geojson', crs: 'wgs84', mode: 'commit', skipInvalid: false, licence: 'CC BY 4.0' })
 */
export async function importTownships(sql: Sql, input: ImportInput): Promise<TownshipImportResult> {
  const { district } = input;
  checkSize(input.bytes);
  const table = await readTable(input.bytes);
  const ctx = await loadContext(sql, district);
  const plan = planTownshipImport(
    table,
    { places: ctx.places, allTownships: ctx.reference.townships, insideDistrict: ctx.insideDistrict, districtName: ctx.districtName },
    { crs: input.crs, mapping: input.mapping },
  );
  const { boundaries, ...rest } = plan;
  const result: TownshipImportResult = { mode: input.mode, ...rest, townships: boundaries.map(({ row, code, name }) => ({ row, code, name })) };
  if (input.mode === 'preview') return result;
  refuseIfNeeded(plan.issues, boundaries.length, input.skipInvalid, 'township polygons');
  const src = source('townships', input, `township boundaries for ${boundaries.map((b) => b.name).join(', ')}; given in ${CRS_LABEL[input.crs]}`);
  result.committed = await inTransaction(sql, async (tx) => {
    await insertDataSource(tx, district, src);
    const updated = await commitTownshipBoundaries(tx, district, boundaries, src.id);
    const out = { sourceId: src.id, dataVersion: await getDataVersion(tx, district), skipped: skippedRows(plan.issues), updated };
    await input.onCommit?.(tx, { ...out, rowsSkipped: out.skipped.length });
    return out;
  });
  return result;
}

export type VillageImportResult = VillageImportPlan & {
  mode: 'preview' | 'commit';
  committed?: Committed & { updated: number; demandSetId: number | null; demandPoints: number };
};

/**
 * Village/community locations and populations. When the file has populations, the villages with a
 * location and a population become the active demand set (kind `villages`).
 * @example await importVillages(sql, { bytes, fileName: '村人口.xlsx', crs: 'gcj02', mode: 'commit', skipInvalid: false, licence: '区统计局' })
 */
export async function importVillages(sql: Sql, input: ImportInput): Promise<VillageImportResult> {
  const { district } = input;
  checkSize(input.bytes);
  const table = await readTable(input.bytes);
  const ctx = await loadContext(sql, district);
  const plan = planVillageImport(table, { places: ctx.places, insideDistrict: ctx.insideDistrict, districtName: ctx.districtName },
    { crs: input.crs, mapping: input.mapping });
  const result: VillageImportResult = { mode: input.mode, ...plan };
  if (input.mode === 'preview') return result;
  refuseIfNeeded(plan.issues, plan.villages.length, input.skipInvalid, 'villages');
  const withPopulation = plan.villages.some((v) => v.population !== undefined);
  const src = source('villages', input,
    `${plan.summary.withPoint} village locations, ${plan.summary.withPopulation} populations; coordinates given in ${CRS_LABEL[input.crs]}`);
  result.committed = await inTransaction(sql, async (tx) => {
    await insertDataSource(tx, district, src);
    const updated = await commitVillageUpdates(tx, district, plan.villages.map((v) => ({
      code: v.code, ...(v.lng !== undefined ? { lng: v.lng, lat: v.lat } : {}), ...(v.population !== undefined ? { population: v.population } : {}),
    })), src.id);
    let demandSetId: number | null = null;
    let demandPoints = 0;
    if (withPopulation) {
      const points = await villageDemandPoints(tx, district);
      demandPoints = points.length;
      if (points.length) demandSetId = await activateDemandSet(tx, district, { sourceId: src.id, kind: 'villages', cellHalfSizeMeters: 0, points });
    }
    const out = { sourceId: src.id, dataVersion: await getDataVersion(tx, district), skipped: skippedRows(plan.issues), updated, demandSetId, demandPoints };
    await input.onCommit?.(tx, { ...out, rowsSkipped: out.skipped.length });
    return out;
  });
  return result;
}

export type PopulationImportResult = Omit<PopulationImportPlan, 'points'> & {
  mode: 'preview' | 'commit';
  committed?: Committed & { demandSetId: number; points: number };
};

/**
 * A population grid or point set → the active demand set (kind `grid`), replacing the modelled demand.
 * @example await importPopulation(sql, { bytes, fileName: 'grid.csv', crs: 'wgs84', mode: 'commit', skipInvalid: false, licence: 'CC BY 4.0' }, { cellSizeMeters: 100 })
 */
export async function importPopulation(sql: Sql, input: ImportInput, opts: { cellSizeMeters?: number } = {}): Promise<PopulationImportResult> {
  const { district } = input;
  checkSize(input.bytes);
  const table = await readTable(input.bytes);
  const ctx = await loadContext(sql, district);
  const plan = planPopulationImport(table, { insideDistrict: ctx.insideDistrict, districtName: ctx.districtName },
    { crs: input.crs, mapping: input.mapping, cellSizeMeters: opts.cellSizeMeters });
  const { points, ...rest } = plan;
  const result: PopulationImportResult = { mode: input.mode, ...rest };
  if (input.mode === 'preview') return result;
  refuseIfNeeded(plan.issues, points.length, input.skipInvalid, 'population points');
  const src = source('population', input,
    `${points.length} points, ${plan.summary.totalPopulation} residents inside the district (${plan.summary.outside} outside left out); `
    + `cell half-size ${plan.cellHalfSizeMeters.toFixed(1)} m; given in ${CRS_LABEL[input.crs]}`);
  result.committed = await inTransaction(sql, async (tx) => {
    await insertDataSource(tx, district, src);
    const demandSetId = await activateDemandSet(tx, district, { sourceId: src.id, kind: 'grid', cellHalfSizeMeters: plan.cellHalfSizeMeters, points });
    const out = { sourceId: src.id, dataVersion: await getDataVersion(tx, district), skipped: skippedRows(plan.issues), demandSetId, points: points.length };
    await input.onCommit?.(tx, { ...out, rowsSkipped: out.skipped.length });
    return out;
  });
  return result;
}
