import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GEODATA_DIR } from '../project-paths.ts';
import { inTransaction, type Sql } from './client.ts';
import { bumpDataVersion } from './version-repo.ts';

const readJson = (name: string) => JSON.parse(readFileSync(join(GEODATA_DIR, name), 'utf8'));

interface GeoTownship {
  code: string; name: string; nameEn: string; seat: { lng: number; lat: number } | null;
  seatPrecision: 'seat-2016' | 'approximate' | null; seatMethod: string;
}
interface GeoVillage { code: string; name: string; shortName: string; townshipCode: string; type: 'village' | 'community' }
interface GeoSource {
  id: string; name: string; licence: string; attribution: string; datum: string; vintage: string;
  modelled: boolean; origin: string; notes: string;
}

export const SEED_NAME = 'geodata-v1';

/**
 * Loads the shipped district data on first start, all in one transaction guarded by a marker row,
 * so starting twice never duplicates it and a crash mid-load leaves nothing behind.
 * Returns true when it loaded, false when the data was already there.
 */
export async function seedShippedData(sql: Sql): Promise<boolean> {
  const district = readJson('district.geojson').features[0];
  const townships: GeoTownship[] = readJson('townships.json');
  const villages: GeoVillage[] = readJson('villages.json');
  const sources: GeoSource[] = readJson('sources.json');
  // Concurrent starts: the second blocks on the marker row, then finds it and loads nothing.
  return inTransaction(sql, async (tx) => {
    const marker = await tx`INSERT INTO seed_state (name) VALUES (${SEED_NAME}) ON CONFLICT DO NOTHING RETURNING name`;
    if (marker.length === 0) return false;
    for (const s of sources) {
      await tx`INSERT INTO data_sources ${tx({
        id: s.id, name: s.name, licence: s.licence, attribution: s.attribution, datum: s.datum,
        vintage: s.vintage, modelled: s.modelled, origin: s.origin, notes: s.notes,
      })}`;
    }
    const p = district.properties;
    await tx`INSERT INTO district ${tx({
      code: p.code, name: p.name, name_en: p.nameEn, boundary: district.geometry as never,
      seat_lng: p.seat?.lng ?? null, seat_lat: p.seat?.lat ?? null, seat_source: p.seatSource ?? '',
    })}`;
    await tx`INSERT INTO townships ${tx(townships.map((t) => ({
      code: t.code, name: t.name, name_en: t.nameEn, seat_lng: t.seat?.lng ?? null, seat_lat: t.seat?.lat ?? null,
      seat_precision: t.seatPrecision, seat_method: t.seatMethod,
    })))}`;
    await tx`INSERT INTO villages ${tx(villages.map((v) => ({
      code: v.code, name: v.name, short_name: v.shortName, township_code: v.townshipCode, type: v.type,
      source: 'divisions-2022-modood',
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
    await tx`INSERT INTO sites ${tx(sites)}`;
    await bumpDataVersion(tx);
    return true;
  });
}
