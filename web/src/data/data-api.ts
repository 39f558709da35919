/**
 * Imports (multipart forms) and export download addresses, through the one typed client of `lib/api.ts`.
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { ImportCrs } from '../../../api/src/import/crs';
import { client, unwrap } from '../lib/api';
import { districtUrl } from '../lib/district';

export type SiteImportResult = InferResponseType<typeof client.api.import.sites.$post, 200>;
export type TownshipImportResult = InferResponseType<typeof client.api.import.townships.$post, 200>;
export type VillageImportResult = InferResponseType<typeof client.api.import.villages.$post, 200>;
export type PopulationImportResult = InferResponseType<typeof client.api.import.population.$post, 200>;
export type AnyImportResult = SiteImportResult | TownshipImportResult | VillageImportResult | PopulationImportResult;
export type ImportIssue = SiteImportResult['issues'][number];
export type ReferenceKind = 'townships' | 'villages' | 'population';

/** What every import form sends besides the file. */
export interface ImportOptions {
  crs: ImportCrs;
  mode: 'preview' | 'commit';
  skipInvalid?: boolean;
  /** Our field → the file's column header (null = do not import that field). */
  mapping?: Record<string, string | null> | null;
  sourceName?: string;
  licence?: string;
  vintage?: string;
  attribution?: string;
}

function formFields(o: ImportOptions) {
  return {
    crs: o.crs,
    mode: o.mode,
    skipInvalid: o.skipInvalid ? ('true' as const) : ('false' as const),
    ...(o.mapping ? { mapping: JSON.stringify(o.mapping) } : {}),
    ...(o.sourceName?.trim() ? { sourceName: o.sourceName.trim() } : {}),
    ...(o.vintage?.trim() ? { vintage: o.vintage.trim() } : {}),
    ...(o.attribution?.trim() ? { attribution: o.attribution.trim() } : {}),
  };
}

export const dataApi = {
  importSites: async (file: File, o: ImportOptions) =>
    unwrap(await client.api.import.sites.$post({
      form: { file, ...formFields(o), ...(o.licence?.trim() ? { licence: o.licence.trim() } : {}) },
    })),
  importReference: async (kind: ReferenceKind, file: File, o: ImportOptions & { cellSizeMeters?: number }): Promise<AnyImportResult> => {
    const form = { file, ...formFields(o), licence: o.licence?.trim() ?? '' };
    if (kind === 'townships') return unwrap(await client.api.import.townships.$post({ form }));
    if (kind === 'villages') return unwrap(await client.api.import.villages.$post({ form }));
    return unwrap(await client.api.import.population.$post({
      form: { ...form, ...(o.cellSizeMeters ? { cellSizeMeters: String(o.cellSizeMeters) } : {}) },
    }));
  },
};

export type CoverageExportQuery = InferRequestType<(typeof client.api.export)['townships.csv']['$get']>['query'];

/**
 * Download addresses of the exports (plain links: the browser saves the file the API names). Built by hand
 * because the client's `$url` needs an absolute base; the query type still comes from the route.
 */
export function exportUrls(q: CoverageExportQuery) {
  const qs = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined) as [string, string][]).toString();
  const link = (group: 'sites' | 'townships' | 'gaps', fmt: 'geojson' | 'csv' | 'xlsx') =>
    districtUrl(`/api/export/${group}.${fmt}${group === 'sites' || !qs ? '' : `?${qs}`}`);
  const formats = (group: 'sites' | 'townships' | 'gaps') => ({ geojson: link(group, 'geojson'), csv: link(group, 'csv'), xlsx: link(group, 'xlsx') });
  return { sites: formats('sites'), townships: formats('townships'), gaps: formats('gaps') };
}
