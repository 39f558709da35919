import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Facility } from '../engine/types.ts';
import type { Scenario } from '../db/scenarios-repo.ts';
import type { CoverageQuery } from '../schemas/coverage.ts';
import type { CoverageService } from './coverage-service.ts';
import { townshipQuotas } from '../engine/townships/index.ts';

const r0 = (x: number) => Math.round(x);

/**
 * Before/after comparison of a scenario: the current network, then the network plus the scenario's
 * not-yet-accepted proposals. Per proposal: people it newly covers, and its marginal gain in rank order.
 */
export async function compareScenario(service: CoverageService, district: string, scenario: Scenario, q: Pick<CoverageQuery, 'kinds' | 'status' | 'method'>) {
  const ctx = await service.context(district);
  const query: CoverageQuery = {
    mode: scenario.mode, minutes: scenario.minutes, older: scenario.older, method: q.method, kinds: q.kinds, status: q.status,
  };
  const proposals = scenario.sites.filter((s) => !s.acceptedSiteId);
  const extra: Facility[] = proposals.map((s) => ({ id: s.id, kind: s.kind, lng: s.lng, lat: s.lat, townshipCode: s.townshipCode }));
  const before = service.coverageOn(ctx, query);
  const after = service.coverageOn(ctx, query, extra);
  const pop = ctx.demand.population;
  const beforeCount = before.result.coverCount;
  const taken = new Uint8Array(pop.length);
  const offset = after.facilities.length - extra.length;
  const perSite = proposals.map((s, k) => {
    const { demandIndex } = after.reach[offset + k];
    let newlyCovered = 0, marginalGain = 0, population = 0;
    for (const i of demandIndex) {
      population += pop[i];
      if (beforeCount[i] === 0) {
        newlyCovered += pop[i];
        if (!taken[i]) { taken[i] = 1; marginalGain += pop[i]; }
      }
    }
    return { id: s.id, name: s.name, kind: s.kind, townshipCode: s.townshipCode, rank: s.rank, lng: s.lng, lat: s.lat, population: r0(population), newlyCovered: r0(newlyCovered), marginalGain: r0(marginalGain) };
  });
  // A gap of the current network is closed when every one of its demand points is covered afterwards.
  const afterCount = after.result.coverCount;
  let gapsClosed = 0;
  for (const g of before.report.gaps.features) {
    const [x0, y0, x1, y1] = bbox(g);
    let open = false;
    for (let i = 0; i < pop.length && !open; i++) {
      const x = ctx.demand.lng[i], y = ctx.demand.lat[i];
      if (x < x0 || x > x1 || y < y0 || y > y1 || beforeCount[i] !== 0 || pop[i] <= 0) continue;
      if (afterCount[i] === 0 && booleanPointInPolygon([x, y], g)) open = true;
    }
    if (!open) gapsClosed++;
  }
  // Quotas (站点配置要求) before, and with the proposals built: the kinds each township is short of.
  const counted = ctx.sites.filter((x) => query.status.includes(x.properties.status)).map((x) => ({
    kind: x.properties.kind, townshipCode: x.properties.townshipCode, demonstration: x.properties.demonstration, placed: x.properties.placed,
  }));
  const codes = ctx.townships.map((t) => t.code);
  const built = proposals.map((p) => ({ kind: p.kind, townshipCode: p.townshipCode, demonstration: false, placed: true }));
  const shortOf = (report: ReturnType<typeof townshipQuotas>) =>
    new Map(report.townships.map((t) => [t.code, t.items.filter((i) => !i.demonstration && i.status === 'short').map((i) => i.kind)]));
  const shortBefore = shortOf(townshipQuotas(counted, codes));
  const shortAfter = shortOf(townshipQuotas([...counted, ...built], codes));
  const b = before.report, a = after.report;
  const afterTownship = new Map(a.townships.map((t) => [t.code, t]));
  return {
    scenarioId: scenario.id,
    method: a.method, mode: a.mode, minutes: a.minutes, older: a.older, travelDescription: a.travelDescription, travelDescriptionZh: a.travelDescriptionZh, demand: a.demand,
    before: b.totals,
    after: a.totals,
    gain: { covered: a.totals.covered - b.totals.covered, share: Math.round((a.totals.share - b.totals.share) * 10000) / 10000, olderCovered: a.totals.olderCovered - b.totals.olderCovered },
    townships: b.townships.map((t) => {
      const x = afterTownship.get(t.code)!;
      return { code: t.code, name: t.name, population: t.population, before: { covered: t.covered, share: t.share }, after: { covered: x.covered, share: x.share }, gain: x.covered - t.covered,
        quotaShort: { before: shortBefore.get(t.code) ?? [], after: shortAfter.get(t.code) ?? [] } };
    }),
    gaps: {
      before: b.gaps.features.length, after: a.gaps.features.length, closed: gapsClosed,
      uncoveredBefore: b.totals.uncovered, uncoveredAfter: a.totals.uncovered,
    },
    proposed: perSite,
  };
}
