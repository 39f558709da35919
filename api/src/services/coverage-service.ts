import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Sql } from '../db/client.ts';
import {
  coverageFromReach, coverageGaps, coverageSummary, nearestFacility, straightLineCovered, straightLineRadiusMeters, straightLineReach,
} from '../engine/coverage/index.ts';
import { networkReach } from '../engine/network/index.ts';
import { townshipQuotas } from '../engine/townships/index.ts';
import {
  DEFAULT_DETOUR_FACTOR, DEFAULT_SPEEDS, EngineInputError,
  type CoverageGapProperties, type CoverageResult, type Facility, type FacilityReach, type TravelMethod, type TravelMode,
  type TravelSpeeds,
} from '../engine/types.ts';
import type { CoverageQuery } from '../schemas/coverage.ts';
import type { SiteFeature } from '../schemas/sites.ts';
import { loadPlannerContext, type PlannerContext } from './planner-context.ts';

/** How travel is computed for one request: always reported with the numbers. */
export interface TravelSetup {
  method: TravelMethod;
  mode: TravelMode;
  minutes: number;
  older: boolean;
  speedKmh: number;
  speeds: TravelSpeeds;
  detourFactor?: number;
  radiusMeters?: number;
  roadNetwork?: { id: number; sourceName: string };
  description: string;
  /** The same in Chinese, for the UI's default language. */
  descriptionZh: string;
}

type TravelQuery = Pick<CoverageQuery, 'mode' | 'minutes' | 'older' | 'method' | 'speedKmh' | 'detourFactor'>;

/** Resolves method, speeds and radius for a query on a context. */
export function travelSetup(ctx: PlannerContext, q: TravelQuery): TravelSetup {
  const method: TravelMethod = q.method === 'auto' ? (ctx.road ? 'network' : 'straight-line') : q.method;
  if (method === 'network' && !ctx.road)
    throw new EngineInputError('No road network is loaded: import an OpenStreetMap extract (npm run import:roads -- FILE) or use method=straight-line');
  const older = q.older && q.mode === 'walk';
  const base = q.mode === 'walk' ? (older ? DEFAULT_SPEEDS.olderWalkKmh : DEFAULT_SPEEDS.walkKmh) : q.mode === 'bike' ? DEFAULT_SPEEDS.bikeKmh : DEFAULT_SPEEDS.carKmh;
  const speedKmh = q.speedKmh ?? base;
  const speeds: TravelSpeeds = {
    ...DEFAULT_SPEEDS,
    ...(q.mode === 'walk' ? (older ? { olderWalkKmh: speedKmh } : { walkKmh: speedKmh }) : q.mode === 'bike' ? { bikeKmh: speedKmh } : { carKmh: speedKmh }),
  };
  if (method === 'network') {
    const road = ctx.road!;
    return {
      method, mode: q.mode, minutes: q.minutes, older, speedKmh, speeds,
      roadNetwork: { id: road.id, sourceName: road.sourceName },
      description: `Road network (${road.sourceName}): travel time along roads${q.mode === 'car' ? ' at per-class car speeds' : ` at ${speedKmh} km/h`}, plus the walk from each home to its nearest road.`,
      descriptionZh: `路网计算（${road.sourceName}）：沿道路的出行时间${q.mode === 'car' ? '（按道路等级车速）' : `（${speedKmh} km/h）`}，另计从住处步行到最近道路的时间。`,
    };
  }
  const detourFactor = q.detourFactor ?? DEFAULT_DETOUR_FACTOR;
  const radiusMeters = straightLineRadiusMeters(speedKmh, q.minutes, detourFactor);
  return {
    method, mode: q.mode, minutes: q.minutes, older, speedKmh, speeds, detourFactor, radiusMeters,
    description: `Straight line: radius = ${speedKmh} km/h × ${q.minutes} min ÷ detour factor ${detourFactor} = ${Math.round(radiusMeters)} m.`,
    descriptionZh: `直线估算：半径 = ${speedKmh} km/h × ${q.minutes} 分钟 ÷ 绕行系数 ${detourFactor} ≈ ${Math.round(radiusMeters)} 米，未按道路计算。`,
  };
}

/** Placed sites matching kinds/status, as engine facilities. */
export function facilitiesOf(sites: SiteFeature[], q: Pick<CoverageQuery, 'kinds' | 'status'>): Facility[] {
  return sites
    .filter((s) => s.geometry && (!q.kinds?.length || q.kinds.includes(s.properties.kind)) && q.status.includes(s.properties.status))
    .map((s) => ({ id: s.properties.id, kind: s.properties.kind, lng: s.geometry!.coordinates[0], lat: s.geometry!.coordinates[1], townshipCode: s.properties.townshipCode }));
}

/** Reach of every facility plus, per demand point, its nearest facility at any distance. */
export function computeReach(ctx: PlannerContext, travel: TravelSetup, facilities: Facility[]) {
  if (travel.method === 'network') {
    const r = networkReach(ctx.road!.graph, ctx.demand, facilities, {
      mode: travel.mode, minutes: travel.minutes, speeds: travel.speeds, older: travel.older, carSpeedsKmh: ctx.road!.carSpeedsKmh,
    });
    return { reach: r.reach, nearestFacility: r.nearestFacility, nearestMinutes: r.nearestMinutes };
  }
  const reach: FacilityReach[] = straightLineReach(ctx.demand, facilities, {
    radiusMeters: travel.radiusMeters!, speedKmh: travel.speedKmh, detourFactor: travel.detourFactor!,
  });
  const near = nearestFacility(ctx.demand, facilities, { speedKmh: travel.speedKmh, detourFactor: travel.detourFactor! });
  return { reach, nearestFacility: near.facilityIndex, nearestMinutes: near.minutes };
}

/**
 * Which demand points the facilities cover (1 = covered), for callers that need only totals or the covered
 * set: straight line through the covered-population kernel (no per-point minutes or nearest site), the road network
 * through its reach lists.
 */
export function coveredOn(ctx: PlannerContext, travel: TravelSetup, facilities: Facility[]): Uint8Array {
  if (travel.method === 'straight-line') return straightLineCovered(ctx.demand, facilities, travel.radiusMeters!);
  const { coverCount } = coverageFromReach(ctx.demand, facilities, computeReach(ctx, travel, facilities).reach);
  return Uint8Array.from(coverCount, (k) => (k > 0 ? 1 : 0));
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** The coverage report as the API returns it. */
export function coverageReport(ctx: PlannerContext, q: CoverageQuery, travel: TravelSetup, facilities: Facility[], result: CoverageResult,
  gaps: FeatureCollection<Polygon | MultiPolygon, CoverageGapProperties>) {
  const byId = new Map(ctx.sites.map((s) => [s.properties.id, s.properties]));
  const quotaSites = ctx.sites.filter((s) => q.status.includes(s.properties.status)).map((s) => ({
    kind: s.properties.kind, townshipCode: s.properties.townshipCode, demonstration: s.properties.demonstration, placed: s.properties.placed,
  }));
  const quotas = townshipQuotas(quotaSites, ctx.townships.map((t) => t.code));
  // Planned is not built: sites of statuses not counted are listed apart (规划), per township and kind.
  const plannedCounts = new Map<string | null, Record<string, number>>();
  for (const s of ctx.sites) {
    if (s.properties.status !== 'planned' || q.status.includes('planned')) continue;
    const m = plannedCounts.get(s.properties.townshipCode) ?? {};
    m[s.properties.kind] = (m[s.properties.kind] ?? 0) + 1;
    plannedCounts.set(s.properties.townshipCode, m);
  }
  const quotaOf = new Map(quotas.townships.map((p) => [p.code, p]));
  const covOf = new Map(result.perTownship.map((t) => [t.code, t]));
  const t = result.totals;
  return {
    method: travel.method,
    mode: travel.mode,
    minutes: travel.minutes,
    older: travel.older,
    speedKmh: travel.speedKmh,
    ...(travel.radiusMeters !== undefined ? { radiusMeters: round(travel.radiusMeters), detourFactor: travel.detourFactor! } : {}),
    ...(travel.roadNetwork ? { roadNetwork: travel.roadNetwork } : {}),
    travelDescription: travel.description,
    travelDescriptionZh: travel.descriptionZh,
    dataVersion: ctx.version,
    /** Site statuses counted in these figures (planned sites are not built: they count only in `afterPlan`). */
    statuses: q.status,
    demand: ctx.demandInfo,
    totals: {
      population: round(t.population, 0), covered: round(t.covered, 0), share: round(t.share, 4),
      olderPopulation: round(t.olderPopulation, 0), olderCovered: round(t.olderCovered, 0), olderShare: round(t.olderShare, 4),
      uncovered: round(t.population - t.covered, 0),
      redundantPopulation: round(result.redundantPopulation, 0),
      sites: facilities.length,
    },
    townships: ctx.townships.map((tw) => {
      const c = covOf.get(tw.code);
      const quota = quotaOf.get(tw.code)!;
      const population = c?.population ?? 0;
      return {
        code: tw.code, name: tw.name, nameEn: tw.nameEn,
        population: round(population, 0), covered: round(c?.covered ?? 0, 0), share: population > 0 ? round((c?.covered ?? 0) / population, 4) : null,
        olderPopulation: round(c?.olderPopulation ?? 0, 0), olderCovered: round(c?.olderCovered ?? 0, 0),
        approximate: ctx.demandInfo.townshipAssignment !== 'imported-boundaries',
        counts: quota.counts, plannedCounts: plannedCounts.get(tw.code) ?? {}, demonstrationCounts: quota.demonstrationCounts, unplaced: quota.unplaced,
        quota: quota.items, quotaMet: quota.items.every((i) => i.status === 'met'),
      };
    }),
    outsideTownships: round(covOf.get(null)?.population ?? 0, 0),
    /** The quota rules checked (`chaotian-2023` unless the county has its own). */
    quotaRuleSet: quotas.ruleSet,
    district: { counts: quotas.district.counts, plannedCounts: plannedCounts.get(null) ?? {}, demonstrationCounts: quotas.district.demonstrationCounts, quota: quotas.district.items },
    sites: result.facilityToDemand.map((f) => {
      const p = byId.get(f.id);
      return { id: f.id, name: p?.name ?? f.id, kind: p?.kind ?? 'point', townshipCode: p?.townshipCode ?? null, population: round(f.population, 0), uniquePopulation: round(f.uniquePopulation, 0) };
    }),
    gaps,
  };
}

export type CoverageReport = ReturnType<typeof coverageReport>;

/** Full coverage report on a context; `extra` facilities (a scenario's proposals) are added to the network. */
export function coverageOnContext(c: PlannerContext, q: CoverageQuery, extra: Facility[] = []) {
  const travel = travelSetup(c, q);
  const facilities = [...facilitiesOf(c.sites, q), ...extra];
  const r = computeReach(c, travel, facilities);
  const result = coverageFromReach(c.demand, facilities, r.reach);
  const gaps = coverageGaps({ demand: c.demand, facilities, coverCount: result.coverCount, nearestFacility: r.nearestFacility, nearestMinutes: r.nearestMinutes });
  const report = { ...coverageReport(c, q, travel, facilities, result, gaps), afterPlan: afterPlanOnContext(c, q, extra) };
  return { report, result, reach: r.reach, facilities, travel };
}

/** The same figures with the planned sites added, beside the current ones; null when planned sites count already or none is placed. */
function afterPlanOnContext(c: PlannerContext, q: CoverageQuery, extra: Facility[]) {
  if (q.status.includes('planned') || !c.sites.some((s) => s.geometry && s.properties.status === 'planned')) return null;
  const statuses = [...q.status, 'planned' as const];
  const travel = travelSetup(c, q);
  const facilities = [...facilitiesOf(c.sites, { ...q, status: statuses }), ...extra];
  const result = coverageSummary(c.demand, coveredOn(c, travel, facilities));
  const t = result.totals;
  return {
    statuses, population: round(t.population, 0), covered: round(t.covered, 0), share: round(t.share, 4), sites: facilities.length,
    townships: result.perTownship.filter((p) => p.code !== null).map((p) => ({
      code: p.code as string, covered: round(p.covered, 0), share: p.population > 0 ? round(p.covered / p.population, 4) : null,
    })),
  };
}

/**
 * Coverage computations over the current data of each county, cached per district and data version: any site or
 * data change bumps the district's version, and the next request for it recomputes. Each county keeps its own
 * context (engine) and result cache; other counties' caches are untouched by its changes.
 */
export function createCoverageService(sql: Sql) {
  interface DistrictState { ctx?: PlannerContext; loading?: Promise<PlannerContext>; cache: Map<string, unknown> }
  const states = new Map<string, DistrictState>();
  const stateOf = (district: string) => {
    let st = states.get(district);
    if (!st) states.set(district, (st = { cache: new Map() }));
    return st;
  };

  async function context(district: string): Promise<PlannerContext> {
    const st = stateOf(district);
    // One load at a time per district; concurrent callers share it.
    st.loading ??= loadPlannerContext(sql, district, st.ctx).finally(() => { st.loading = undefined; });
    const next = await st.loading;
    if (next !== st.ctx) {
      st.ctx = next;
      st.cache.clear();
    }
    return next;
  }

  function cached<T>(district: string, key: string, f: () => T): T {
    const { cache } = stateOf(district);
    if (cache.has(key)) return cache.get(key) as T;
    const v = f();
    if (cache.size > 200) cache.delete(cache.keys().next().value!);
    cache.set(key, v);
    return v;
  }

  /** Full coverage report ({@link coverageOnContext}), cached per district and data version. */
  function coverageOn(c: PlannerContext, q: CoverageQuery, extra: Facility[] = []) {
    return cached(c.district, `cov|${JSON.stringify(q)}|${JSON.stringify(extra)}`, () => coverageOnContext(c, q, extra));
  }

  return {
    context,
    coverageOn,
    /** A value computed once per district and data version (e.g. the city overview's row of a county). */
    cached,
    async coverage(district: string, q: CoverageQuery, extra: Facility[] = []) {
      return coverageOn(await context(district), q, extra);
    },
  };
}

export type CoverageService = ReturnType<typeof createCoverageService>;
