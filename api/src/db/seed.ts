import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DISTRICT_CODE, packDir } from '../services/district-packs.ts';
import { inTransaction, type Sql } from './client.ts';
import { bumpDataVersion } from './version-repo.ts';

const readJson = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

interface GeoTownship {
  code: string; name: string; nameEn: string | null; seat: { lng: number; lat: number } | null;
  seatPrecision: 'seat-2016' | 'approximate' | null; seatMethod: string;
}
interface GeoVillage { code: string; name: string; shortName: string; townshipCode: string; type: 'village' | 'community' }
interface GeoSource {
  id: string; name: string; licence: string; attribution: string; datum: string; vintage: string;
  modelled: boolean; origin: string; notes: string;
}

export const SEED_NAME = 'geodata-v1';

/** The load marker of a county's pack (朝天区 keeps the marker it had before other counties were shipped). */
export const seedName = (code: string) => (code === DEFAULT_DISTRICT_CODE ? SEED_NAME : `${SEED_NAME}:${code}`);

/** Loads the default district's shipped data (朝天区) on first start: {@link seedDistrict}. */
export function seedShippedData(sql: Sql): Promise<boolean> {
  return seedDistrict(sql, DEFAULT_DISTRICT_CODE);
}

/**
 * Loads a county's shipped pack (boundary, townships, villages unplaced, its centre and institutes at the seats,
 * one unplaced station per village), all in one transaction guarded by a marker row, so loading twice never
 * duplicates it and a crash mid-load leaves nothing behind. Returns true when it loaded, false when it was there.
 * The county's data sources are stored under `<id>@<code>` (the same source files, another county's rows).
 */
export async function seedDistrict(sql: Sql, code: string): Promise<boolean> {
  const dir = packDir(code);
  const district = readJson(dir, 'district.geojson').features[0];
  const townships: GeoTownship[] = readJson(dir, 'townships.json');
  const villages: GeoVillage[] = readJson(dir, 'villages.json');
  const sources: GeoSource[] = readJson(dir, 'sources.json');
  const sourceId = (id: string) => (code === DEFAULT_DISTRICT_CODE ? id : `${id}@${code}`);
  // Concurrent starts: the second blocks on the marker row, then finds it and loads nothing.
  return inTransaction(sql, async (tx) => {
    const marker = await tx`INSERT INTO seed_state (name) VALUES (${seedName(code)}) ON CONFLICT DO NOTHING RETURNING name`;
    if (marker.length === 0) return false;
    for (const s of sources) {
      await tx`INSERT INTO data_sources ${tx({
        id: sourceId(s.id), district_code: code, name: s.name, licence: s.licence, attribution: s.attribution, datum: s.datum,
        vintage: s.vintage, modelled: s.modelled, origin: s.origin, notes: s.notes,
      })}`;
    }
    const p = district.properties;
    await tx`INSERT INTO district ${tx({
      code: p.code, name: p.name, name_en: p.nameEn ?? '', parent_code: p.parentCode ?? '510800', boundary: district.geometry as never,
      seat_lng: p.seat?.lng ?? null, seat_lat: p.seat?.lat ?? null, seat_source: p.seatSource ?? '',
    })}`;
    await tx`INSERT INTO townships ${tx(townships.map((t) => ({
      district_code: code, code: t.code, name: t.name, name_en: t.nameEn ?? '', seat_lng: t.seat?.lng ?? null, seat_lat: t.seat?.lat ?? null,
      seat_precision: t.seatPrecision, seat_method: t.seatMethod,
    })))}`;
    await tx`INSERT INTO villages ${tx(villages.map((v) => ({
      district_code: code, code: v.code, name: v.name, short_name: v.shortName, township_code: v.townshipCode, type: v.type,
      source: sourceId('divisions-2022-modood'),
    })))}`;
    const seatNote = '位置为乡镇驻地（近似），请核实 / location is the township seat (approximate), please verify';
    const sites = [
      {
        id: `center-${p.code}`, kind: 'center', name: `${p.name}新时代文明实践中心`, township_code: null,
        village_code: null, lng: p.seat?.lng ?? null, lat: p.seat?.lat ?? null, location_precision: 'approximate',
        status: 'existing', notes: '位置为区政府驻地（近似） / location is the district seat (approximate)',
      },
      ...townships.map((t) => ({
        id: `institute-${t.code}`, kind: 'institute', name: `${t.name}新时代文明实践所`, township_code: t.code,
        village_code: null, lng: t.seat?.lng ?? null, lat: t.seat?.lat ?? null, location_precision: 'approximate',
        status: 'existing', notes: t.seat ? seatNote : '乡镇驻地未知，待放置 / township seat unknown, to be placed',
      })),
      ...villages.map((v) => ({
        id: `station-${v.code}`, kind: 'station', name: `${v.shortName}新时代文明实践站`, township_code: v.townshipCode,
        village_code: v.code, lng: null, lat: null, location_precision: 'exact', status: 'existing',
        notes: '待放置 / to be placed',
      })),
    ];
    await tx`INSERT INTO sites ${tx(sites.map((s) => ({ district_code: code, ...s })))}`;
    await bumpDataVersion(tx, code);
    return true;
  });
}
