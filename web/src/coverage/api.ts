/**
 * Coverage calls of the API (report, isochrones, nearest sites, township areas), through the app's one
 * typed client and its `unwrap`. Response types are inferred from the Hono routes.
 */
import type { InferResponseType } from 'hono/client';
import { client, unwrap } from '../lib/api';

export type TravelMode = 'walk' | 'bike' | 'car';

/** What the coverage view asks for: tier (minutes), travel mode and whether to use the older walking speed. */
export interface CoverageSettings {
  mode: TravelMode;
  minutes: number;
  older: boolean;
}

export const DEFAULT_SETTINGS: CoverageSettings = { mode: 'walk', minutes: 15, older: false };

export type CoverageReport = InferResponseType<typeof client.api.coverage.$get, 200>;
export type TownshipRow = CoverageReport['townships'][number];
export type QuotaItem = TownshipRow['quota'][number];
export type GapCollection = CoverageReport['gaps'];
export type IsochroneCollection = InferResponseType<typeof client.api.isochrones.$get, 200>;
export type NearestAnswer = InferResponseType<typeof client.api.nearest.$get, 200>;
export type NearestResult = NearestAnswer['results'][number];
export type TownshipAreas = InferResponseType<(typeof client.api)['township-areas']['$get'], 200>;

/** The query-string form of the settings (the older speed only applies to walking). */
export function settingsQuery(s: CoverageSettings) {
  return { mode: s.mode, minutes: String(s.minutes), older: s.older && s.mode === 'walk' ? ('true' as const) : ('false' as const) };
}

export const coverageApi = {
  coverage: async (s: CoverageSettings) => unwrap(await client.api.coverage.$get({ query: settingsQuery(s) })),
  isochrones: async (s: CoverageSettings) => unwrap(await client.api.isochrones.$get({ query: settingsQuery(s) })),
  nearest: async (p: { lng: number; lat: number }, s: CoverageSettings, limit = 5) =>
    unwrap(
      await client.api.nearest.$get({
        query: { ...settingsQuery(s), lng: String(p.lng), lat: String(p.lat), limit: String(limit) },
      }),
    ),
  townshipAreas: async () => unwrap(await client.api['township-areas'].$get()),
};
