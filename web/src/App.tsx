import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { SITE_KINDS, SITE_STATUSES } from '../../api/src/schemas/sites';
import { api, ApiRequestError, type SiteFeature, type SiteUpdate } from './lib/api';
import { I18nContext, translate, type I18nKey } from './lib/i18n';
import { kindName, townshipLabel } from './lib/names';
import { usePageI18n } from './lib/use-page-i18n';
import { usePlannerData } from './lib/use-planner-data';
import { MapView } from './map/MapView';
import { MapOverlays } from './map/MapOverlays';
import { visiblePadding } from './map/visible-padding';
import { boundaryBounds } from './map/geojson';
import { BusyChip } from './components/BusyChip';
import type { SiteFilterState } from './map/layers/site-layers';
import { LayersPanel } from './components/LayersPanel';
import { UnplacedList } from './components/UnplacedList';
import { SitePanel } from './components/SitePanel';
import { NewSiteForm } from './components/NewSiteForm';
import { siteCrudApi, useNewSite } from './components/use-new-site';
import { Toasts, type Toast } from './components/Toasts';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCoverage } from './coverage/use-coverage';
import { CoveragePanel } from './coverage/CoveragePanel';
import { TownshipReport } from './coverage/TownshipReport';
import { CoverageLayers } from './coverage/CoverageLayers';
import { PlannerTab } from './planner/PlannerTab';
import { DataTab } from './data/DataTab';
import { VillagePanel } from './components/VillagePanel';
import { useBasemap, useVillageLabels } from './map/use-basemap';
import { BasemapSwitcher } from './map/BasemapSwitcher';
import { LeadersTab } from './leaders/LeadersTab';
import { InboxTab } from './requests/InboxTab';
import { useAbilities, type Session } from './auth/session';
import { AuditView } from './auth/AuditView';
import { UsersPage } from './auth/UsersPage';
import { AccountBar, type Page } from './auth/AccountBar';
import { MapSearch } from './search/MapSearch';
import { TabBar, tabId } from './components/TabBar';
import { initialUrlView, useUrlView } from './lib/use-url-view';
import type { UrlView } from './lib/url-view';
import { useSiteUndo } from './undo/use-site-undo';
import { createOp, deleteOp, updateOp } from './undo/site-undo-ops';
import { UndoBar } from './undo/UndoBar';
import { errorWords } from './lib/error-words';
import { DistrictSwitcher } from './city/DistrictSwitcher';
import { EMPTY_SELECTION, setSelection, stopPlacing, useSelection } from './lib/selection-store';
import { withDistrict } from './lib/district';

/** Left-panel tabs. Later panels (coverage, township report, planner, import) are added here. */
type LeftTab = 'layers' | 'unplaced' | 'villages' | 'coverage' | 'townships' | 'leaders' | 'requests' | 'plan' | 'data';
const LEFT_TABS: { id: LeftTab; label: I18nKey }[] = [
  { id: 'layers', label: 'panel.layers' },
  { id: 'unplaced', label: 'panel.unplaced' },
  { id: 'villages', label: 'panel.villages' },
  { id: 'coverage', label: 'panel.coverage' },
  { id: 'townships', label: 'panel.townships' },
  { id: 'leaders', label: 'panel.leaders' },
  { id: 'requests', label: 'panel.requests' },
  { id: 'plan', label: 'panel.plan' },
  { id: 'data', label: 'panel.data' },
];

const ALL_FILTERS: SiteFilterState = { kinds: [...SITE_KINDS], statuses: [...SITE_STATUSES], township: null };

export function App({ session }: { session: Session }) {
  const i18n = usePageI18n('app.title');
  const can = useAbilities();
  const [page, setPage] = useState<Page>('map');
  const { lang, t } = i18n;

  const { data, error, retry, replaceSite, refreshSites, reloadSites, replaceVillage } = usePlannerData();
  const [urlView] = useState(initialUrlView);
  const [filter, setFilter] = useState<SiteFilterState>(() => urlFilter(urlView));
  const [showCircles, setShowCircles] = useState(true);
  const [tab, setTab] = useState<LeftTab>(() => urlTab(urlView));
  useState(() => setSelection({ ...EMPTY_SELECTION, siteId: urlView.site, scenarioId: urlView.scenario, againstId: urlView.against }));
  const { siteId: selectedId, placingSiteId: placingId, placingVillage, scenarioId, againstId } = useSelection();
  const [panelOpen, setPanelOpen] = useState(false);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const villages = data?.villages ?? [];
  const [villageUndo, setVillageUndo] = useState<{ code: string; previous: { lng: number | null; lat: number | null; precision: 'exact' | 'approximate' | null }; stations: string[] }[]>([]);
  const [villageExact, setVillageExact] = useState(false);
  const [villageWithStation, setVillageWithStation] = useState(true);
  const basemap = useBasemap(map);
  useVillageLabels(map, villages, lang);
  const coverage = useCoverage({
    boundary: data?.boundary, reportWanted: tab === 'townships',
    initial: { settings: urlView.coverage, on: urlView.coverageOn, focus: urlView.focus },
  });
  const { setSettings: setCoverageSettings, setOn: setCoverageOn, setFocus: setCoverageFocus } = coverage;
  useUrlView(
    {
      tab, site: selectedId, scenario: scenarioId, against: againstId, coverage: coverage.settings, coverageOn: coverage.on, kinds: [...filter.kinds], statuses: [...filter.statuses],
      township: filter.township, focus: coverage.focus,
    },
    map,
    !!data?.boundary,
    useCallback((v: UrlView) => {
      setTab(urlTab(v));
      setSelection({ siteId: v.site, scenarioId: v.scenario, againstId: v.against });
      setFilter(urlFilter(v));
      setCoverageSettings(v.coverage);
      setCoverageOn(v.coverageOn);
      setCoverageFocus(v.focus);
    }, [setCoverageSettings, setCoverageOn, setCoverageFocus]),
  );

  // Opening a wide panel (township report, leaders) narrows the map: refit it so the panel never hides the district.
  const wide = tab === 'townships' || tab === 'leaders';
  const wasWide = useRef(wide);
  useEffect(() => {
    const opened = wide && !wasWide.current;
    wasWide.current = wide;
    const bounds = data?.boundary ? boundaryBounds(data.boundary) : null;
    if (!opened || !map || !bounds || window.innerWidth <= 800) return;
    const frame = requestAnimationFrame(() => {
      map.resize();
      map.fitBounds(bounds, { padding: visiblePadding(map, 30), duration: 300 });
    });
    return () => cancelAnimationFrame(frame);
  }, [wide, map, data?.boundary]);

  const notify = useCallback((toast: Omit<Toast, 'id'>) => {
    setToasts((ts) => [...ts.slice(-3), { ...toast, id: Date.now() + Math.random() }]);
  }, []);
  const closeToast = useCallback((id: number) => setToasts((ts) => ts.filter((x) => x.id !== id)), []);
  const notifyError = useCallback(
    (e: unknown) => {
      const issues = e instanceof ApiRequestError ? e.issues.map((i) => `${i.path.join('.')}: ${i.message}`) : [];
      const words = errorWords(e, lang);
      const detail = issues.length > 1 ? issues : words.next ? [words.next, ...(words.detail ? [words.detail] : [])] : undefined;
      notify({ kind: 'error', title: words.title, detail });
    },
    [notify, lang],
  );

  const onCreated = useCallback(
    async (site: SiteFeature) => {
      undoRef.current.record(createOp(site));
      notify({ kind: 'success', title: translate(lang, 'newSite.created', { name: site.properties.name }) });
      try {
        await reloadSites();
      } catch (e) {
        notifyError(e);
      }
      setSelection({ siteId: site.id });
    },
    [reloadSites, notify, notifyError, lang],
  );
  const newSite = useNewSite({ onCreated, checkFailed: translate(lang, 'newSite.checkFields') });
  const { open: openNewSiteForm, stopPlacing: stopPlacingNew, close: closeNewSite } = newSite;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        stopPlacing();
        stopPlacingNew();
      }
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (tabRef.current !== 'villages') return;
      if ((e.key === 'n' || e.key === 'N') && !e.ctrlKey && !e.metaKey) villageKeys.current.next();
      if ((e.key === 'z' || e.key === 'Z') && (e.ctrlKey || e.metaKey)) { e.preventDefault(); villageKeys.current.undo(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stopPlacingNew]);

  const tabRef = useRef(tab);
  tabRef.current = tab;
  const undo = useSiteUndo({
    onChanged: reloadSites,
    onDone: (op, direction) =>
      notify({ kind: 'success', title: translate(lang, direction === 'undo' ? 'undo.undone' : 'undo.redone', { what: translate(lang, `undo.op.${op.kind}` as I18nKey, { name: op.name }) }) }),
    onError: notifyError,
    keysEnabled: tab !== 'villages',
  });
  const undoRef = useRef(undo);
  undoRef.current = undo;
  const villageKeys = useRef({ next: () => {}, undo: () => {} });

  const sites = data?.sites ?? [];
  /** An error matters to the whole page only while there is nothing to show (a failed refetch keeps the map). */
  const loadError = data ? null : error;
  const selected = sites.find((s) => s.id === selectedId) ?? null;
  const placing = sites.find((s) => s.id === placingId) ?? null;
  const unplacedCount = sites.filter((s) => !s.geometry).length;
  const attribution = useMemo(() => {
    const list = [...new Set((data?.sources ?? []).map((s) => s.attribution).filter(Boolean))];
    return list.length ? [...list, t('attribution.circles')] : [];
  }, [data?.sources, t]);

  const saveSite = useCallback(
    async (id: string, patch: SiteUpdate) => {
      const before = data?.sites.find((s) => s.id === id);
      const updated = await api.updateSite(id, patch);
      if (before) undoRef.current.record(updateOp('edit', before, patch));
      replaceSite(updated);
      notify({ kind: 'success', title: translate(lang, 'site.saved') });
    },
    [replaceSite, notify, lang, data?.sites],
  );

  const [savingPlace, setSavingPlace] = useState(false);
  const placeAt = useCallback(
    async (lng: number, lat: number) => {
      if (!placing || savingPlace) return;
      setSavingPlace(true);
      try {
        // A point clicked for an unplaced site is approximate until someone says otherwise.
        const patch = { lng: round6(lng), lat: round6(lat), locationPrecision: 'approximate' as const };
        const updated = await api.updateSite(placing.id, patch);
        undoRef.current.record(updateOp('place', placing, patch));
        replaceSite(updated);
        setSelection({ placingSiteId: null, siteId: updated.id });
        notify({ kind: 'success', title: translate(lang, 'site.placed', { name: updated.properties.name }) });
      } catch (e) {
        notifyError(e);
      } finally {
        setSavingPlace(false);
      }
    },
    [placing, savingPlace, replaceSite, notify, notifyError, lang],
  );

  const moveSite = useCallback(
    async (id: string, lng: number, lat: number) => {
      try {
        const before = data?.sites.find((s) => s.id === id);
        const patch = { lng: round6(lng), lat: round6(lat) };
        replaceSite(await api.updateSite(id, patch));
        if (before) undoRef.current.record(updateOp('move', before, patch));
        notify({ kind: 'success', title: translate(lang, 'site.moved') });
      } catch (e) {
        refreshSites();
        notifyError(e);
      }
    },
    [replaceSite, refreshSites, notify, notifyError, lang, data?.sites],
  );

  const unplace = useCallback(
    async (id: string) => {
      try {
        const before = data?.sites.find((s) => s.id === id);
        replaceSite(await api.updateSite(id, { lng: null, lat: null }));
        if (before) undoRef.current.record(updateOp('unplace', before, { lng: null, lat: null }));
      } catch (e) {
        notifyError(e);
      }
    },
    [replaceSite, notifyError, data?.sites],
  );

  const deleteSite = useCallback(
    async (id: string) => {
      const before = data?.sites.find((s) => s.id === id);
      const name = before?.properties.name ?? id;
      await siteCrudApi.remove(id);
      if (before) undoRef.current.record(deleteOp(before));
      setSelection((s) => ({ siteId: s.siteId === id ? null : s.siteId, placingSiteId: s.placingSiteId === id ? null : s.placingSiteId }));
      notify({ kind: 'success', title: translate(lang, 'site.deleted', { name }) });
      // A fresh site list redraws the map and makes the coverage view fetch again.
      await reloadSites().catch(notifyError);
    },
    [data?.sites, reloadSites, notify, notifyError, lang],
  );

  /** Opens the new-site form in the right panel (closing the details and any placing). */
  const openNewSite = useCallback(
    (townshipCode: string | null) => {
      setSelection({ siteId: null, placingSiteId: null });
      setPanelOpen(false);
      openNewSiteForm(townshipCode);
    },
    [openNewSiteForm],
  );

  /** Opens a site's details (closing the new-site form). */
  const selectSite = useCallback(
    (id: string | null) => {
      setSelection({ siteId: id });
      if (id) closeNewSite();
    },
    [closeNewSite],
  );

  /** Zooms to a village's point, else to its township's seat (null: nothing known). */
  const zoomToVillage = useCallback(
    (villageCode: string | null, townshipCode: string | null) => {
      const v = villageCode ? villages.find((x) => x.code === villageCode) : undefined;
      const seat = data?.townships.find((x) => x.code === (v?.townshipCode ?? townshipCode))?.seat;
      if (!map) return;
      if (v?.lng != null && v.lat != null) map.flyTo({ center: [v.lng, v.lat], zoom: 14, duration: 400 });
      else if (seat) map.flyTo({ center: [seat.lng, seat.lat], zoom: 12.5, duration: 400 });
    },
    [map, villages, data?.townships],
  );

  const startPlacing = useCallback((id: string) => {
    closeNewSite();
    setSelection((s) => ({ placingVillage: null, siteId: id, placingSiteId: s.placingSiteId === id ? null : id }));
    setPanelOpen(false);
    const site = data?.sites.find((s) => s.id === id);
    if (site) zoomToVillage(site.properties.villageCode, site.properties.townshipCode);
  }, [closeNewSite, data?.sites, zoomToVillage]);

  const startPlacingVillage = useCallback(
    (code: string) => {
      closeNewSite();
      setSelection({ placingSiteId: null, siteId: null, placingVillage: code });
      setPanelOpen(false);
      zoomToVillage(code, null);
    },
    [closeNewSite, zoomToVillage],
  );

  const [savingVillage, setSavingVillage] = useState(false);
  const placeVillageAt = useCallback(
    async (lng: number, lat: number) => {
      const v = villages.find((x) => x.code === placingVillage);
      if (!v || savingVillage) return;
      setSavingVillage(true);
      try {
        const hasUnplacedStation = sites.some((s) => s.properties.villageCode === v.code && s.properties.kind === 'station' && !s.geometry);
        const r = await api.placeVillage(v.code, {
          lng: round6(lng), lat: round6(lat), precision: villageExact ? 'exact' : 'approximate', placeStations: villageWithStation && hasUnplacedStation,
        });
        replaceVillage(r.village);
        setVillageUndo((u) => [...u, { code: v.code, previous: r.previous, stations: r.stationsPlaced }]);
        setSelection({ placingVillage: null });
        setVillageExact(false);
        const extra = r.stationsPlaced.length ? translate(lang, 'villages.stationsPlaced', { count: r.stationsPlaced.length }) : '';
        notify({ kind: 'success', title: translate(lang, 'villages.placed', { name: v.shortName }) + extra });
        await reloadSites().catch(notifyError);
      } catch (e) {
        notifyError(e);
      } finally {
        setSavingVillage(false);
      }
    },
    [villages, placingVillage, savingVillage, sites, villageExact, villageWithStation, lang, notify, notifyError, reloadSites],
  );

  const undoVillage = useCallback(async () => {
    const last = villageUndo[villageUndo.length - 1];
    if (!last) return;
    try {
      const r = await api.placeVillage(last.code, { lng: last.previous.lng, lat: last.previous.lat, precision: last.previous.precision ?? 'approximate' });
      for (const id of last.stations) await api.updateSite(id, { lng: null, lat: null });
      replaceVillage(r.village);
      setVillageUndo((u) => u.slice(0, -1));
      notify({ kind: 'success', title: translate(lang, 'villages.undone', { name: r.village.shortName }) });
      await reloadSites().catch(notifyError);
    } catch (e) {
      notifyError(e);
    }
  }, [villageUndo, villages, lang, notify, notifyError, reloadSites]);

  const nextVillage = useCallback(() => {
    const start = placingVillage ? villages.findIndex((v) => v.code === placingVillage) + 1 : 0;
    const order = [...villages.slice(start), ...villages.slice(0, start)];
    const next = order.find((v) => v.lng === null);
    if (next) startPlacingVillage(next.code);
  }, [villages, placingVillage, startPlacingVillage]);
  villageKeys.current = { next: nextVillage, undo: () => void undoVillage() };

  useEffect(() => {
    window.__selectSite = selectSite;
  }, [selectSite]);

  const placingNew = newSite.draft !== null && newSite.placing;
  let leftContent: ReactNode = null;
  if (data && tab === 'layers')
    leftContent = (
      <LayersPanel
        filter={filter}
        onFilter={setFilter}
        townships={data.townships}
        sites={sites}
        showCircles={showCircles}
        onShowCircles={setShowCircles}
        onNewSite={can.createSites ? openNewSite : undefined}
      />
    );
  if (data && tab === 'unplaced')
    leftContent = (
      <UnplacedList
        sites={sites}
        townships={data.townships}
        initialTownship={filter.township}
        placingId={placingId}
        selectedId={selectedId}
        onPlace={startPlacing}
        onSelect={selectSite}
        onNewSite={can.createSites ? openNewSite : undefined}
        canPlace={can.editSite}
      />
    );

  if (data && tab === 'villages')
    leftContent = (
      <VillagePanel
        villages={villages}
        townships={data.townships}
        sites={sites}
        placingCode={placingVillage}
        exact={villageExact}
        withStation={villageWithStation}
        canUndo={villageUndo.length > 0}
        onExact={setVillageExact}
        onWithStation={setVillageWithStation}
        onPlace={startPlacingVillage}
        onNext={nextVillage}
        onUndo={() => void undoVillage()}
      />
    );
  if (data && tab === 'coverage') leftContent = <CoveragePanel coverage={coverage} townships={data.townships} sites={sites} />;
  if (data && tab === 'townships')
    leftContent = (
      <TownshipReport
        coverage={coverage}
        onFocus={(code) => {
          coverage.setFocus(code);
          setPanelOpen(false);
        }}
      />
    );

  if (data && tab === 'leaders')
    leftContent = (
      <LeadersTab
        map={map}
        townships={data.townships}
        sites={sites}
        notify={(title) => notify({ kind: 'success', title })}
        notifyError={notifyError}
      />
    );

  if (tab === 'requests' && (can.plan || can.role === 'dispatcher')) leftContent = <InboxTab lang={lang} map={map} planner={can.plan} notifyError={notifyError} />;

  return (
    <I18nContext.Provider value={i18n}>
      <div className="app">
        <header className="topbar app-topbar">
          <button type="button" className="topbar-button panel-toggle" data-testid="panel-toggle" onClick={() => setPanelOpen((o) => !o)}>
            ☰ <span className="sr-only">{t('panel.toggle')}</span>
          </button>
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              文
            </span>
            <h1 data-testid="app-title">
              <span className="title-full">{t('app.title')}</span>
              <span className="title-short">{t('app.titleShort')}</span>
            </h1>
          </div>
          <div className="topbar-right">
            <DistrictSwitcher />
            <AccountBar session={session} page={page} onPage={setPage} />
            <a className="topbar-button topbar-link" href={withDistrict('/resident.html')} data-testid="resident-link" title={t('resident.link')}>
              <span className="topbar-link-icon" aria-hidden="true">◎</span>
              <span className="topbar-link-text">{t('resident.link')}</span>
            </a>
            <button
              type="button"
              className="topbar-button"
              data-testid="lang-switch"
              onClick={() => i18n.setLang(lang === 'zh' ? 'en' : 'zh')}
              aria-label={t('lang.switch')}
            >
              <span className="label-full">{t('lang.switch')}</span>
              <span className="label-short" aria-hidden="true">{t('lang.switchShort')}</span>
            </button>
          </div>
        </header>
        <TabBar
          tabs={LEFT_TABS.filter((x) => (x.id !== 'plan' || can.plan) && (x.id !== 'requests' || can.plan || can.role === 'dispatcher')).map((x) => ({
            id: x.id,
            label: (
              <>
                {t(x.label)}
                {x.id === 'unplaced' && data ? <span className="tab-count">{unplacedCount}</span> : null}
                {x.id === 'villages' && data ? <span className="tab-count">{villages.filter((v) => v.lng !== null).length}/{villages.length}</span> : null}
              </>
            ),
          }))}
          value={tab}
          onChange={(id) => {
            setTab(id);
            if (window.innerWidth <= 800) setPanelOpen(true);
          }}
          panelId="left-tabpanel"
          label={t('panel.tabs')}
        />
        <div className={`main${selected || newSite.draft ? ' with-details' : ''}`}>
          <aside className={`left-panel${panelOpen ? ' open' : ''}${tab === 'townships' || tab === 'leaders' ? ' wide' : ''}`} data-testid="left-panel">
            <div className="panel-scroll" role="tabpanel" id="left-tabpanel" aria-labelledby={tabId(tab)} tabIndex={0}>
              {leftContent}
              {/* The planner stays mounted so its results and the open scenario stay on the map on other tabs. */}
              {data && (
                can.plan && <div hidden={tab !== 'plan'}>
                  <PlannerTab
                    map={map}
                    townships={data.townships}
                    sites={sites}
                    onSitesChanged={() => void reloadSites().catch(notifyError)}
                    notify={notify}
                    notifyError={notifyError}
                  />
                </div>
              )}
              {data && tab === 'data' && (
                <DataTab map={map} attribution={attribution} onDataChanged={retry} notifyError={notifyError} coverage={coverage} circlesShown={showCircles && !coverage.on} canImport={can.plan} />
              )}
            </div>
          </aside>
          <main className="map-wrap">
            <MapView
              boundary={data?.boundary ?? null}
              townships={data?.townships ?? []}
              sites={sites}
              filter={filter}
              showCircles={showCircles && !coverage.on}
              selectedId={selectedId}
              detailsOpen={selected !== null}
              placing={placingId !== null || placingNew || placingVillage !== null}
              attribution={attribution}
              lang={lang}
              describeSite={(p) => `${p.name} · ${kindName(p.kind, lang)}`}
              onSelect={(id) => {
                selectSite(id);
                if (id) setPanelOpen(false);
              }}
              onPlace={(lng, lat) =>
                placingVillage ? void placeVillageAt(lng, lat) : placingNew ? void newSite.save({ lng: round6(lng), lat: round6(lat) }) : void placeAt(lng, lat)
              }
              onMove={moveSite}
              canMove={(id) => can.editSite(sites.find((f) => f.id === id)?.properties.townshipCode ?? null)}
              onMap={setMap}
            />
            <MapOverlays map={map} />
            <CoverageLayers map={map} coverage={coverage} townships={data?.townships ?? []} sites={sites} placing={placingId !== null || placingNew || placingVillage !== null} />
            {data && (
              <MapSearch map={map} sites={sites} villages={villages} townships={data.townships} onSelectSite={(id) => { selectSite(id); setPanelOpen(false); }} />
            )}
            <BasemapSwitcher list={basemap.list} current={basemap.current} lang={lang} label={t('basemap.label')} onChoose={basemap.choose} />
            {placingVillage && (
              <div className="placing-banner" data-testid="village-placing-banner">
                <span>
                  {(() => {
                    const v = villages.find((x) => x.code === placingVillage);
                    const tw = data?.townships.find((x) => x.code === v?.townshipCode);
                    return t('villages.placing', { name: v?.shortName ?? '', township: tw ? townshipLabel(tw, lang) : '' });
                  })()}
                </span>
                <button type="button" className="button small" data-testid="village-placing-cancel" onClick={() => setSelection({ placingVillage: null })}>
                  {t('placing.cancel')}
                </button>
              </div>
            )}
            {placingNew && (
              <div className="placing-banner" data-testid="placing-banner">
                <span>{newSite.saving ? t('newSite.saving') : t('placing.hint', { name: newSite.draft!.name.trim() })}</span>
                <button type="button" className="button small" data-testid="placing-cancel" onClick={newSite.stopPlacing}>
                  {t('placing.cancel')}
                </button>
              </div>
            )}
            {placing && (
              <div className="placing-banner" data-testid="placing-banner">
                <span>{savingPlace ? t('placing.saving') : t('placing.hint', { name: placing.properties.name })}</span>
                <button type="button" className="button small" data-testid="placing-cancel" onClick={() => setSelection({ placingSiteId: null })}>
                  {t('placing.cancel')}
                </button>
              </div>
            )}
            <BusyChip />
            {(!data || !map) && (
              <div className="overlay-message" data-testid={loadError ? 'load-error' : 'loading'} data-kind={loadError ? errorWords(loadError, lang).kind : undefined} role={loadError ? 'alert' : 'status'}>
                {loadError ? (
                  <>
                    <strong>{t('app.loadError')}: {errorWords(loadError, lang).title}</strong>
                    <span>{errorWords(loadError, lang).next}</span>
                    {errorWords(loadError, lang).detail && <span className="muted small">{errorWords(loadError, lang).detail}</span>}
                    <button type="button" className="button primary" onClick={retry}>
                      {t('app.retry')}
                    </button>
                  </>
                ) : (
                  <span className="loading-row"><span className="spinner" aria-hidden="true" />{data ? t('app.loadingMap') : t('app.loading')}</span>
                )}
              </div>
            )}
            <UndoBar nextUndo={undo.nextUndo} nextRedo={undo.nextRedo} busy={undo.busy} onUndo={undo.undo} onRedo={undo.redo} />
            <Toasts toasts={toasts} onClose={closeToast} />
            {page !== 'map' && data && (
              <div className="page-overlay" data-testid="page-overlay">
                {page === 'audit' && <AuditView townships={data.townships} onRestored={() => void reloadSites().catch(notifyError)} />}
                {page === 'users' && can.admin && <UsersPage townships={data.townships} />}
              </div>
            )}
          </main>
          {newSite.draft && data && (
            <aside className={`right-panel${placingNew ? ' placing' : ''}`} data-testid="right-panel">
              <NewSiteForm state={{ ...newSite, draft: newSite.draft }} townships={data.townships} villages={data.villages} />
            </aside>
          )}
          {selected && data && !newSite.draft && (
            <aside className="right-panel" data-testid="right-panel">
              <SitePanel
                key={selected.id}
                site={selected}
                townships={data.townships}
                villages={data.villages}
                placing={placingId === selected.id}
                onSave={saveSite}
                onStartPlacing={startPlacing}
                onUnplace={unplace}
                onDelete={deleteSite}
                onClose={() => {
                  setSelection({ siteId: null, placingSiteId: null });
                }}
              />
            </aside>
          )}
        </div>
      </div>
    </I18nContext.Provider>
  );
}

const urlTab = (v: UrlView): LeftTab => LEFT_TABS.find((x) => x.id === v.tab)?.id ?? 'layers';
const urlFilter = (v: UrlView): SiteFilterState => ({ kinds: v.kinds, statuses: v.statuses, township: v.township });

/** Six decimals of a degree ≈ 0.1 m: more would only be noise from the pointer. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
