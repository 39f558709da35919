import { useCallback, useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type * as maplibregl from 'maplibre-gl';
import type { SiteFeature, Township } from '../lib/api';
import { useI18n } from '../lib/i18n';
import type { Toast } from '../components/Toasts';
import { PlanForm } from './PlanForm';
import { PlanResults } from './PlanResults';
import { ScenarioList } from './ScenarioList';
import { ScenarioPanel } from './ScenarioPanel';
import { plannerApi, type Comparison, type PlanRequest, type PlanResult, type Scenario } from './planner-api';
import type { ProposalPoint } from './planner-layers';
import { useProposalOverlay } from './use-proposal-overlay';
import { loadStraightLineTravel, useLiveCoverage } from './use-live-coverage';

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

/** The "规划" tab: the optimiser form and results, saved scenarios, and the open scenario on the map. */
export function PlannerTab({ map, townships, sites, onSitesChanged, notify, notifyError }: Props) {
  const { t } = useI18n();
  const [view, setView] = useState<View>('optimise');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<PlanResult | null>(null);
  const [resultRadius, setResultRadius] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [scenarios, setScenarios] = useState<Scenario[] | null>(null);
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [comparing, setComparing] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [accepting, setAccepting] = useState(false);

  const refreshList = useCallback(async () => {
    try {
      setScenarios(await plannerApi.scenarios());
    } catch (e) {
      notifyError(e);
    }
  }, [notifyError]);
  useEffect(() => {
    void refreshList();
  }, [refreshList]);

  const demandKey = comparison ? `${comparison.demand.sourceId ?? 'modelled'}|${comparison.demand.points}|${comparison.demand.population}` : null;
  const live = useLiveCoverage(scenario, sites, demandKey);

  const compare = useCallback(async (s: Scenario) => {
    setComparing(true);
    try {
      const c = await plannerApi.compare(s.id);
      setComparison((prev) => (c.scenarioId === s.id || !prev ? c : prev));
      return c;
    } catch (e) {
      notifyError(e);
      return null;
    } finally {
      setComparing(false);
    }
  }, [notifyError]);

  const fitTo = useCallback((pts: { lng: number; lat: number }[], right = 40) => {
    if (!map || !pts.length) return;
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    for (const p of pts) {
      w = Math.min(w, p.lng); e = Math.max(e, p.lng); s = Math.min(s, p.lat); n = Math.max(n, p.lat);
    }
    map.fitBounds([w - 0.02, s - 0.02, e + 0.02, n + 0.02], { padding: { top: 60, bottom: 60, left: 60, right }, maxZoom: 13, duration: 0 });
  }, [map]);

  const run = async (req: PlanRequest) => {
    setRunning(true);
    try {
      const r = await plannerApi.plan(req);
      setScenario(null);
      setComparison(null);
      setResult(r);
      setResultRadius((await loadStraightLineTravel(r.mode, r.minutes, r.older)).radiusMeters);
      fitTo(r.proposed);
      if (r.reachable === false) notify({ kind: 'error', title: t('plan.unreachable') });
    } catch (e) {
      notifyError(e);
    } finally {
      setRunning(false);
    }
  };

  const openScenario = useCallback(async (id: string) => {
    try {
      const s = await plannerApi.scenario(id);
      setResult(null);
      setComparison(null);
      setScenario(s);
      fitTo(s.sites.filter((x) => !x.acceptedSiteId), 460);
      await compare(s);
    } catch (e) {
      notifyError(e);
    }
  }, [compare, fitTo, notifyError]);

  const saveResult = async (name: string) => {
    if (!result) return;
    setSaving(true);
    try {
      const s = await plannerApi.createScenario({
        name, mode: result.mode, minutes: result.minutes, older: result.older,
        description: `${result.solver}; ${result.travelDescription}`.slice(0, 2000),
        sites: result.proposed.map((p) => ({ kind: p.kind, name: p.name, lng: p.lng, lat: p.lat, rank: p.rank })),
      });
      notify({ kind: 'success', title: t('plan.saved', { name: s.name }) });
      await refreshList();
      setView('scenarios');
      await openScenario(s.id);
    } catch (e) {
      notifyError(e);
    } finally {
      setSaving(false);
    }
  };

  const moveProposal = async (id: string, lng: number, lat: number) => {
    if (!scenario) return;
    const open = scenario.sites.filter((s) => !s.acceptedSiteId);
    try {
      const updated = await plannerApi.updateScenario(scenario.id, {
        sites: open.map((s, i) => ({
          kind: s.kind, name: s.name, rank: s.rank ?? i + 1,
          lng: s.id === id ? round6(lng) : s.lng, lat: s.id === id ? round6(lat) : s.lat,
        })),
      });
      setScenario(updated);
      await compare(updated);
      void refreshList();
    } catch (e) {
      notifyError(e);
      setScenario({ ...scenario }); // put the marker back where the saved scenario has it
    } finally {
      setDragging(false);
    }
  };

  const accept = async (siteIds?: string[]) => {
    if (!scenario) return;
    const demand = comparison?.demand;
    // Proposals made on modelled demand are accepted only after saying so.
    if (demand?.modelled && !window.confirm(t('plan.acceptModelled', { placed: demand.anchors?.placed ?? 0, total: demand.anchors?.total ?? 139 }))) return;
    setAccepting(true);
    try {
      const r = await plannerApi.accept(scenario.id, siteIds);
      notify({ kind: 'success', title: t('compare.acceptedToast', { n: r.accepted.length }) });
      onSitesChanged();
      setScenario(r.scenario);
      await compare(r.scenario);
      void refreshList();
    } catch (e) {
      notifyError(e);
    } finally {
      setAccepting(false);
    }
  };

  const rename = async (id: string, name: string) => {
    try {
      const s = await plannerApi.updateScenario(id, { name });
      if (scenario?.id === id) setScenario((cur) => (cur ? { ...cur, name: s.name } : cur));
      await refreshList();
    } catch (e) {
      notifyError(e);
    }
  };

  const remove = async (id: string) => {
    try {
      await plannerApi.deleteScenario(id);
      if (scenario?.id === id) {
        setScenario(null);
        setComparison(null);
      }
      notify({ kind: 'success', title: t('scenario.deleted') });
      await refreshList();
    } catch (e) {
      notifyError(e);
    }
  };

  const points = useMemo<ProposalPoint[]>(() => {
    if (scenario)
      return scenario.sites
        .filter((s) => !s.acceptedSiteId)
        .map((s, i) => ({ id: s.id, rank: s.rank ?? i + 1, lng: s.lng, lat: s.lat, role: 'scenario' as const }));
    if (result) return result.proposed.map((p) => ({ id: `result-${p.rank}`, rank: p.rank, lng: p.lng, lat: p.lat, role: 'result' as const }));
    return [];
  }, [scenario, result]);
  const names = useMemo(() => {
    const m = new Map<string, string>();
    scenario?.sites.forEach((s) => m.set(s.id, s.name));
    result?.proposed.forEach((p) => m.set(`result-${p.rank}`, p.name));
    return m;
  }, [scenario, result]);

  useProposalOverlay(map, {
    points,
    radiusMeters: scenario ? (live.travel?.radiusMeters ?? null) : resultRadius,
    draggable: scenario !== null,
    describe: (p) => `${p.rank}. ${names.get(p.id) ?? ''}`,
    onDragStart: () => setDragging(true),
    onDrag: (id, lng, lat) => live.move(id, lng, lat),
    onDragEnd: (id, lng, lat) => void moveProposal(id, lng, lat),
  });

  const focus = (lng: number, lat: number) => map?.easeTo({ center: [lng, lat], zoom: Math.max(map.getZoom(), 13), duration: 500 });
  const closeScenario = () => {
    setScenario(null);
    setComparison(null);
  };
  const host = map?.getContainer().parentElement ?? null;

  return (
    <div className="planner-tab" data-testid="planner-tab">
      <div className="segmented wide" role="tablist">
        <button type="button" className={view === 'optimise' ? 'on' : ''} onClick={() => setView('optimise')} data-testid="planner-view-optimise">
          {t('plan.viewOptimise')}
        </button>
        <button type="button" className={view === 'scenarios' ? 'on' : ''} onClick={() => setView('scenarios')} data-testid="planner-view-scenarios">
          {t('plan.viewScenarios')}
          {scenarios ? <span className="tab-count">{scenarios.length}</span> : null}
        </button>
      </div>
      {view === 'optimise' ? (
        <>
          <section className="panel-section">
            <PlanForm townships={townships} running={running} onRun={run} />
          </section>
          {result && (
            <section className="panel-section">
              <PlanResults
                key={result.timeMs + result.proposed.length}
                result={result}
                saving={saving}
                onSave={saveResult}
                onClear={() => setResult(null)}
                onFocus={focus}
              />
            </section>
          )}
        </>
      ) : (
        <section className="panel-section">
          <ScenarioList scenarios={scenarios} openId={scenario?.id ?? null} onOpen={openScenario} onRename={rename} onDelete={remove} />
        </section>
      )}
      {scenario && host &&
        createPortal(
          <ScenarioPanel
            scenario={scenario}
            comparison={comparison?.scenarioId === scenario.id ? comparison : null}
            comparing={comparing}
            live={live.numbers}
            liveActive={dragging}
            townships={townships}
            accepting={accepting}
            onAccept={accept}
            onFocus={focus}
            onClose={closeScenario}
          />,
          host,
        )}
    </div>
  );
}
