import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { keys, queryClient } from '../lib/queries';
import { openScenario, setSelection, useSelection } from '../lib/selection-store';
import { visiblePadding } from '../map/visible-padding';
import { createPortal } from 'react-dom';
import type * as maplibregl from 'maplibre-gl';
import type { SiteFeature, Township } from '../lib/api';
import { useI18n } from '../lib/i18n';
import type { Toast } from '../components/Toasts';
import { PlanForm } from './PlanForm';
import { PlanResults } from './PlanResults';
import { ScenarioList } from './ScenarioList';
import { ScenarioPanel } from './ScenarioPanel';
import { plannerApi, type PlanResult, type Scenario } from './planner-api';
import type { ProposalPoint } from './planner-layers';
import { useProposalOverlay } from './use-proposal-overlay';
import { planSolverText } from './plan-note';
import { loadStraightLineTravel, straightLineTravelQuery, useLiveCoverage } from './use-live-coverage';

interface Props {
  map: maplibregl.Map | null;
  townships: readonly Township[];
  sites: readonly SiteFeature[];
  /** Reload the sites from the API (after proposals were accepted as planned sites). */
  onSitesChanged: () => void;
  notify: (toast: Omit<Toast, 'id'>) => void;
  notifyError: (e: unknown) => void;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
type View = 'optimise' | 'scenarios';

/** The "规划" tab: the optimiser form and results, saved scenarios, and the open scenario (A, and B it is compared with) on the map. */
export function PlannerTab({ map, townships, sites, onSitesChanged, notify, notifyError }: Props) {
  const { t, lang } = useI18n();
  const scenarioId = useSelection((s) => s.scenarioId);
  const againstId = useSelection((s) => s.againstId);
  const [view, setView] = useState<View>(scenarioId ? 'scenarios' : 'optimise');
  const [result, setResult] = useState<PlanResult | null>(null);
  const [resultRadius, setResultRadius] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);

  const scenarios = useQuery({ queryKey: keys.scenarios, queryFn: plannerApi.scenarios });
  const scenarioQ = useQuery({ queryKey: keys.scenario(scenarioId ?? ''), queryFn: () => plannerApi.scenario(scenarioId!), enabled: !!scenarioId });
  const comparisonQ = useQuery({ queryKey: keys.compare(scenarioId ?? ''), queryFn: () => plannerApi.compare(scenarioId!), enabled: !!scenarioId });
  const againstQ = useQuery({ queryKey: keys.scenario(againstId ?? ''), queryFn: () => plannerApi.scenario(againstId!), enabled: !!againstId });
  const againstComparisonQ = useQuery({ queryKey: keys.compare(againstId ?? ''), queryFn: () => plannerApi.compare(againstId!), enabled: !!againstId });
  const scenario = scenarioId ? (scenarioQ.data ?? null) : null;
  const comparison = scenarioId ? (comparisonQ.data ?? null) : null;
  const against = againstId ? (againstQ.data ?? null) : null;

  // A scenario that cannot be opened (deleted, or a stale link) is closed with the error said once.
  const openError = scenarioQ.error ?? againstQ.error ?? comparisonQ.error ?? againstComparisonQ.error;
  useEffect(() => {
    if (!openError) return;
    notifyError(openError);
    if (scenarioQ.error) openScenario(null);
    else if (againstQ.error) setSelection({ againstId: null });
  }, [openError, scenarioQ.error, againstQ.error, notifyError]);

  const demandKey = comparison ? `${comparison.demand.sourceId ?? 'modelled'}|${comparison.demand.points}|${comparison.demand.population}` : null;
  const live = useLiveCoverage(scenario, sites, demandKey);

  /** Fits the map to the points inside the part no panel covers (the scenario panel is wide). */
  const fitTo = useCallback((pts: { lng: number; lat: number }[]) => {
    if (!map || !pts.length) return;
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    for (const p of pts) {
      w = Math.min(w, p.lng); e = Math.max(e, p.lng); s = Math.min(s, p.lat); n = Math.max(n, p.lat);
    }
    map.fitBounds([w - 0.02, s - 0.02, e + 0.02, n + 0.02], { padding: visiblePadding(map, 60), maxZoom: 13, duration: 0 });
  }, [map]);

  // Fit the map to a scenario when it is opened (once per scenario, not after every drag).
  const fitted = useRef<string | null>(null);
  useEffect(() => {
    if (!scenario || fitted.current === scenario.id) return;
    fitted.current = scenario.id;
    fitTo([...scenario.sites, ...(against?.sites ?? [])].filter((x) => !x.acceptedSiteId));
  }, [scenario, against, fitTo]);
  useEffect(() => {
    if (!scenarioId) fitted.current = null;
  }, [scenarioId]);

  const plan = useMutation({
    mutationKey: ['plan'],
    mutationFn: plannerApi.plan,
    onSuccess: async (r) => {
      openScenario(null);
      setResult(r);
      setResultRadius((await loadStraightLineTravel(r.mode, r.minutes, r.older)).radiusMeters);
      fitTo(r.proposed);
      if (r.reachable === false) notify({ kind: 'error', title: t('plan.unreachable') });
    },
    onError: notifyError,
  });

  const open = useCallback((id: string) => {
    setResult(null);
    openScenario(id);
  }, []);

  /** After a write to scenario `id`: its answer is put in the cache and what depends on it refetches. */
  const scenarioChanged = (s: Scenario) => {
    queryClient.setQueryData(keys.scenario(s.id), s);
    void queryClient.invalidateQueries({ queryKey: keys.compare(s.id) });
    void queryClient.invalidateQueries({ queryKey: keys.scenarios });
  };

  const save = useMutation({
    mutationFn: (name: string) => plannerApi.createScenario({
      name, mode: result!.mode, minutes: result!.minutes, older: result!.older,
      description: `${planSolverText(result!, t).solver}; ${lang === 'en' ? result!.travelDescription : result!.travelDescriptionZh}`.slice(0, 2000),
      sites: result!.proposed.map((p) => ({ kind: p.kind, name: p.name, lng: p.lng, lat: p.lat, rank: p.rank })),
    }),
    onSuccess: (s) => {
      notify({ kind: 'success', title: t('plan.saved', { name: s.name }) });
      scenarioChanged(s);
      setView('scenarios');
      open(s.id);
    },
    onError: notifyError,
  });

  const moveProposal = async (id: string, lng: number, lat: number) => {
    if (!scenario) return;
    const open = scenario.sites.filter((s) => !s.acceptedSiteId);
    try {
      scenarioChanged(await plannerApi.updateScenario(scenario.id, {
        sites: open.map((s, i) => ({
          kind: s.kind, name: s.name, rank: s.rank ?? i + 1,
          lng: s.id === id ? round6(lng) : s.lng, lat: s.id === id ? round6(lat) : s.lat,
        })),
      }));
    } catch (e) {
      notifyError(e);
      queryClient.setQueryData(keys.scenario(scenario.id), { ...scenario }); // put the marker back where the saved scenario has it
    } finally {
      setDragging(false);
    }
  };

  const acceptM = useMutation({
    mutationFn: ({ id, siteIds }: { id: string; siteIds?: string[] }) => plannerApi.accept(id, siteIds),
    onSuccess: (r) => {
      notify({ kind: 'success', title: t('compare.acceptedToast', { n: r.accepted.length }) });
      queryClient.setQueryData(keys.scenario(r.scenario.id), r.scenario);
      onSitesChanged(); // the network changed: every comparison refetches
    },
    onError: notifyError,
  });
  const accept = (siteIds?: string[]) => {
    if (!scenario) return;
    const demand = comparison?.demand;
    // Proposals made on modelled demand are accepted only after saying so.
    if (demand?.modelled && !window.confirm(t('plan.acceptModelled', { placed: demand.anchors?.placed ?? 0, total: demand.anchors?.total ?? 139 }))) return;
    acceptM.mutate({ id: scenario.id, siteIds });
  };

  const unaccept = useMutation({
    mutationFn: ({ id, siteId }: { id: string; siteId: string }) => plannerApi.unaccept(id, siteId),
    onSuccess: (r) => {
      notify({ kind: 'success', title: t('compare.unacceptedToast') });
      queryClient.setQueryData(keys.scenario(r.scenario.id), r.scenario);
      onSitesChanged();
    },
    onError: notifyError,
  });

  const rename = async (id: string, name: string) => {
    try {
      scenarioChanged(await plannerApi.updateScenario(id, { name }));
    } catch (e) {
      notifyError(e);
    }
  };

  const remove = async (id: string) => {
    try {
      await plannerApi.deleteScenario(id);
      setSelection((s) => ({ scenarioId: s.scenarioId === id ? null : s.scenarioId, againstId: s.againstId === id || s.scenarioId === id ? null : s.againstId }));
      queryClient.removeQueries({ queryKey: keys.scenario(id) });
      notify({ kind: 'success', title: t('scenario.deleted') });
      void queryClient.invalidateQueries({ queryKey: keys.scenarios });
    } catch (e) {
      notifyError(e);
    }
  };

  const againstTravel = useQuery({ ...straightLineTravelQuery(against?.mode ?? 'walk', against?.minutes ?? 15, against?.older ?? false), enabled: !!against });
  const points = useMemo<ProposalPoint[]>(() => {
    if (scenario) {
      const radiusA = live.travel?.radiusMeters ?? null;
      const a = scenario.sites
        .filter((s) => !s.acceptedSiteId)
        .map((s, i) => ({ id: s.id, rank: s.rank ?? i + 1, lng: s.lng, lat: s.lat, role: 'scenario' as const, radiusMeters: radiusA }));
      const b = (against?.sites ?? [])
        .filter((s) => !s.acceptedSiteId)
        .map((s, i) => ({ id: `vs-${s.id}`, rank: s.rank ?? i + 1, lng: s.lng, lat: s.lat, role: 'against' as const, radiusMeters: againstTravel.data?.radiusMeters ?? null }));
      return [...b, ...a];
    }
    if (result) return result.proposed.map((p) => ({ id: `result-${p.rank}`, rank: p.rank, lng: p.lng, lat: p.lat, role: 'result' as const, radiusMeters: resultRadius }));
    return [];
  }, [scenario, against, result, live.travel, againstTravel.data, resultRadius]);
  const names = useMemo(() => {
    const m = new Map<string, string>();
    scenario?.sites.forEach((s) => m.set(s.id, s.name));
    against?.sites.forEach((s) => m.set(`vs-${s.id}`, `${against.name} · ${s.name}`));
    result?.proposed.forEach((p) => m.set(`result-${p.rank}`, p.name));
    return m;
  }, [scenario, against, result]);

  useProposalOverlay(map, {
    points,
    draggable: scenario !== null,
    describe: (p) => `${p.rank}. ${names.get(p.id) ?? ''}`,
    onDragStart: () => setDragging(true),
    onDrag: (id, lng, lat) => live.move(id, lng, lat),
    onDragEnd: (id, lng, lat) => void moveProposal(id, lng, lat),
  });

  const focus = (lng: number, lat: number) => map?.easeTo({ center: [lng, lat], zoom: Math.max(map.getZoom(), 13), duration: 500 });
  const closeScenario = () => openScenario(null);
  const host = map?.getContainer().parentElement ?? null;

  return (
    <div className="planner-tab" data-testid="planner-tab">
      <div className="segmented wide" role="tablist">
        <button type="button" className={view === 'optimise' ? 'on' : ''} onClick={() => setView('optimise')} data-testid="planner-view-optimise">
          {t('plan.viewOptimise')}
        </button>
        <button type="button" className={view === 'scenarios' ? 'on' : ''} onClick={() => setView('scenarios')} data-testid="planner-view-scenarios">
          {t('plan.viewScenarios')}
          {scenarios.data ? <span className="tab-count">{scenarios.data.length}</span> : null}
        </button>
      </div>
      {view === 'optimise' ? (
        <>
          <section className="panel-section">
            <PlanForm townships={townships} running={plan.isPending} onRun={(req) => plan.mutate(req)} />
          </section>
          {result && (
            <section className="panel-section">
              <PlanResults
                key={result.timeMs + result.proposed.length}
                result={result}
                saving={save.isPending}
                onSave={(name) => save.mutate(name)}
                onClear={() => setResult(null)}
                onFocus={focus}
              />
            </section>
          )}
        </>
      ) : (
        <section className="panel-section">
          <ScenarioList scenarios={scenarios.data ?? null} openId={scenarioId} onOpen={open} onRename={rename} onDelete={remove} />
        </section>
      )}
      {scenario && host &&
        createPortal(
          <ScenarioPanel
            scenario={scenario}
            comparison={comparison}
            comparing={comparisonQ.isFetching}
            others={(scenarios.data ?? []).filter((x) => x.id !== scenario.id)}
            against={against && againstComparisonQ.data ? { scenario: against, comparison: againstComparisonQ.data } : null}
            againstId={againstId}
            onAgainst={(id) => setSelection({ againstId: id })}
            onUnaccept={(siteId) => unaccept.mutate({ id: scenario.id, siteId })}
            live={live.numbers}
            liveActive={dragging}
            townships={townships}
            accepting={acceptM.isPending || unaccept.isPending}
            onAccept={accept}
            onFocus={focus}
            onClose={closeScenario}
          />,
          host,
        )}
    </div>
  );
}
