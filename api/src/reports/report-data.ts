/**
 * Gathers what one printed page shows — the map layers, coverage headline, quotas, volunteers,
 * activities, scorecard and rank, sources — for a township or the district, for a year.
 */
import { shippedDistricts } from '../services/district-packs.ts';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AppDeps } from '../http/deps.ts';
import { listSources } from '../db/reference-repo.ts';
import { CoverageQuerySchema } from '../schemas/coverage.ts';
import { isochroneFeatures, townshipAreaFeatures } from '../services/coverage-views.ts';
import { evaluationReport, type EvaluationReport } from '../services/evaluation-service.ts';
import { activitiesReport, todayIso, volunteersReport, type ActivitiesReport, type VolunteersReport } from '../services/leaders-service.ts';
import type { CoverageReport } from '../services/coverage-service.ts';

type Poly = Feature<Polygon | MultiPolygon>;

export interface ReportBundle {
  year: number; today: string;
  /** The county's names (report titles). */
  districtName: { zh: string; en: string };
  coverage: CoverageReport;
  areas: Poly[]; areaCodes: string[]; areasApproximate: boolean;
  district: Poly;
  circlesByTownship: Map<string | null, Poly[]>;
  sites: { lng: number; lat: number; kind: string; demonstration: boolean; townshipCode: string | null }[];
  volunteers: VolunteersReport; activities: ActivitiesReport; evaluation: EvaluationReport;
  sources: { name: string; modelled: boolean; licence: string; vintage: string }[];
}

/** Everything every page needs, computed once (the whole-district pack reuses it for all pages). */
export async function reportBundle(deps: AppDeps, district: string, year: number, today = todayIso()): Promise<ReportBundle> {
  const ctx = await deps.coverage.context(district);
  const cov = await deps.coverage.coverage(district, CoverageQuerySchema.parse({ status: 'existing' }));
  const [volunteers, activities, evaluation, sources] = await Promise.all([
    volunteersReport(deps, district, `${year}-12-31` < today ? `${year}-12-31` : today), activitiesReport(deps, district, year, today), evaluationReport(deps, district, year, today),
    listSources(deps.db.sql, district),
  ]);
  const areas = townshipAreaFeatures(ctx);
  const circles = isochroneFeatures(ctx, cov.travel, cov.facilities);
  const twOf = new Map(ctx.sites.map((s) => [s.properties.id, s.properties.townshipCode]));
  const circlesByTownship = new Map<string | null, Poly[]>();
  for (const c of circles) {
    const k = twOf.get(c.properties.siteId) ?? null;
    circlesByTownship.set(k, [...(circlesByTownship.get(k) ?? []), c]);
  }
  return {
    year, today, districtName: { zh: ctx.districtName, en: shippedDistricts().find((d) => d.code === district)?.nameEn ?? ctx.districtName },
    coverage: cov.report, areas: areas.features as Poly[], areaCodes: areas.features.map((f) => f.properties.code),
    areasApproximate: areas.features.some((f) => f.properties.approximate),
    district: ctx.boundary,
    circlesByTownship,
    sites: ctx.sites.filter((s) => s.geometry && s.properties.status === 'existing').map((s) => ({
      lng: s.properties.lng!, lat: s.properties.lat!, kind: s.properties.kind, demonstration: s.properties.demonstration, townshipCode: s.properties.townshipCode,
    })),
    volunteers, activities, evaluation,
    sources: sources.map((s) => ({ name: s.name, modelled: s.modelled, licence: s.licence, vintage: s.vintage })),
  };
}
