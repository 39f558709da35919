/**
 * Imports (multipart forms) and export download addresses, through the one typed client of `lib/api.ts`.
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { ImportCrs } from '../../../api/src/import/crs';
import { client, unwrap } from '../lib/api';

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

/** Download addresses of the exports (plain links: the browser saves the file the API names). */
export function exportUrls(q: CoverageExportQuery) {
  const e = client.api.export;
  const href = (u: URL) => u.pathname + u.search;
  return {
    sites: {
      geojson: href(e['sites.geojson'].$url({ query: {} })),
      csv: href(e['sites.csv'].$url({ query: {} })),
      xlsx: href(e['sites.xlsx'].$url({ query: {} })),
    },
    townships: {
      geojson: href(e['townships.geojson'].$url({ query: q })),
      csv: href(e['townships.csv'].$url({ query: q })),
      xlsx: href(e['townships.xlsx'].$url({ query: q })),
    },
    gaps: {
      geojson: href(e['gaps.geojson'].$url({ query: q })),
      csv: href(e['gaps.csv'].$url({ query: q })),
      xlsx: href(e['gaps.xlsx'].$url({ query: q })),
    },
  };
}
