import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { SITE_KINDS, SITE_STATUSES } from '../../api/src/schemas/sites';
import { api, ApiRequestError, type SiteFeature, type SiteUpdate } from './lib/api';
import { I18nContext, translate, type I18nKey } from './lib/i18n';
import { kindName } from './lib/names';
import { usePageI18n } from './lib/use-page-i18n';
import { usePlannerData } from './lib/use-planner-data';
import { MapView } from './map/MapView';
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
import { useAbilities, type Session } from './auth/session';
import { AuditView } from './auth/AuditView';
import { UsersPage } from './auth/UsersPage';
import { AccountBar, type Page } from './auth/AccountBar';

/** Left-panel tabs. Later panels (coverage, township report, planner, import) are added here. */
type LeftTab = 'layers' | 'unplaced' | 'coverage' | 'townships' | 'plan' | 'data';
const LEFT_TABS: { id: LeftTab; label: I18nKey }[] = [
  { id: 'layers', label: 'panel.layers' },
  { id: 'unplaced', label: 'panel.unplaced' },
  { id: 'coverage', label: 'panel.coverage' },
  { id: 'townships', label: 'panel.townships' },
  { id: 'plan', label: 'panel.plan' },
  { id: 'data', label: 'panel.data' },
];

const ALL_FILTERS: SiteFilterState = { kinds: [...SITE_KINDS], statuses: [...SITE_STATUSES], township: null };

export function App({ session }: { session: Session }) {
  const i18n = usePageI18n('app.title');
  const can = useAbilities();
  const [page, setPage] = useState<Page>('map');
  const { lang, t } = i18n;

  const { data, error, retry, replaceSite, refreshSites, reloadSites } = usePlannerData();
  const [filter, setFilter] = useState<SiteFilterState>(ALL_FILTERS);
  const [showCircles, setShowCircles] = useState(true);
  const [tab, setTab] = useState<LeftTab>('layers');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [placingId, setPlacingId] = useState<string | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const coverage = useCoverage({ sites: data?.sites, boundary: data?.boundary, reportWanted: tab === 'townships' });

  const notify = useCallback((toast: Omit<Toast, 'id'>) => {
    setToasts((ts) => [...ts.slice(-3), { ...toast, id: Date.now() + Math.random() }]);
  }, []);
  const closeToast = useCallback((id: number) => setToasts((ts) => ts.filter((x) => x.id !== id)), []);
  const notifyError = useCallback(
    (e: unknown) => {
      const issues = e instanceof ApiRequestError ? e.issues.map((i) => `${i.path.join('.')}: ${i.message}`) : [];
      notify({ kind: 'error', title: e instanceof Error ? e.message : String(e), detail: issues.length > 1 ? issues : undefined });
    },
    [notify],
  );

  const onCreated = useCallback(
    async (site: SiteFeature) => {
      notify({ kind: 'success', title: translate(lang, 'newSite.created', { name: site.properties.name }) });
      try {
        await reloadSites();
      } catch (e) {
        notifyError(e);
      }
      setSelectedId(site.id);
    },
    [reloadSites, notify, notifyError, lang],
  );
  const newSite = useNewSite({ onCreated, checkFailed: translate(lang, 'newSite.checkFields') });
  const { open: openNewSiteForm, stopPlacing: stopPlacingNew, close: closeNewSite } = newSite;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setPlacingId(null);
        stopPlacingNew();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stopPlacingNew]);

  const sites = data?.sites ?? [];
  const selected = sites.find((s) => s.id === selectedId) ?? null;
  const placing = sites.find((s) => s.id === placingId) ?? null;
  const unplacedCount = sites.filter((s) => !s.geometry).length;
  const attribution = useMemo(() => {
    const list = [...new Set((data?.sources ?? []).map((s) => s.attribution).filter(Boolean))];
    return list.length ? [...list, t('attribution.circles')] : [];
  }, [data?.sources, t]);

  const saveSite = useCallback(
    async (id: string, patch: SiteUpdate) => {
      const updated = await api.updateSite(id, patch);
      replaceSite(updated);
      notify({ kind: 'success', title: translate(lang, 'site.saved') });
    },
    [replaceSite, notify, lang],
  );

  const [savingPlace, setSavingPlace] = useState(false);
  const placeAt = useCallback(
    async (lng: number, lat: number) => {
      if (!placing || savingPlace) return;
      setSavingPlace(true);
      try {
        const updated = await api.updateSite(placing.id, { lng: round6(lng), lat: round6(lat) });
        replaceSite(updated);
        setPlacingId(null);
        setSelectedId(updated.id);
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
        replaceSite(await api.updateSite(id, { lng: round6(lng), lat: round6(lat) }));
        notify({ kind: 'success', title: translate(lang, 'site.moved') });
      } catch (e) {
        refreshSites();
        notifyError(e);
      }
    },
    [replaceSite, refreshSites, notify, notifyError, lang],
  );

  const unplace = useCallback(
    async (id: string) => {
      try {
        replaceSite(await api.updateSite(id, { lng: null, lat: null }));
      } catch (e) {
        notifyError(e);
      }
    },
    [replaceSite, notifyError],
  );

  const deleteSite = useCallback(
    async (id: string) => {
      const name = data?.sites.find((s) => s.id === id)?.properties.name ?? id;
      await siteCrudApi.remove(id);
      setSelectedId((cur) => (cur === id ? null : cur));
      setPlacingId((cur) => (cur === id ? null : cur));
      notify({ kind: 'success', title: translate(lang, 'site.deleted', { name }) });
      // A fresh site list redraws the map and makes the coverage view fetch again.
      await reloadSites().catch(notifyError);
    },
    [data?.sites, reloadSites, notify, notifyError, lang],
  );

  /** Opens the new-site form in the right panel (closing the details and any placing). */
  const openNewSite = useCallback(
    (townshipCode: string | null) => {
      setSelectedId(null);
      setPlacingId(null);
      setPanelOpen(false);
      openNewSiteForm(townshipCode);
    },
    [openNewSiteForm],
  );

  /** Opens a site's details (closing the new-site form). */
  const selectSite = useCallback(
    (id: string | null) => {
      setSelectedId(id);
      if (id) closeNewSite();
    },
    [closeNewSite],
  );

  const startPlacing = useCallback((id: string) => {
    closeNewSite();
    setSelectedId(id);
    setPlacingId((cur) => (cur === id ? null : id));
    setPanelOpen(false);
  }, [closeNewSite]);

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

  return (
    <I18nContext.Provider value={i18n}>
      <div className="app">
        <header className="topbar">
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
            <AccountBar session={session} page={page} onPage={setPage} />
            <a className="topbar-button topbar-link" href="/resident.html" data-testid="resident-link" title={t('resident.link')}>
              <span className="topbar-link-icon" aria-hidden="true">◎</span>
              <span className="topbar-link-text">{t('resident.link')}</span>
            </a>
            <button
              type="button"
              className="topbar-button"
              data-testid="lang-switch"
              onClick={() => i18n.setLang(lang === 'zh' ? 'en' : 'zh')}
            >
              {t('lang.switch')}
            </button>
          </div>
        </header>
        <div className={`main${selected || newSite.draft ? ' with-details' : ''}`}>
          <aside className={`left-panel${panelOpen ? ' open' : ''}${tab === 'townships' ? ' wide' : ''}`} data-testid="left-panel">
            <nav className="tabs" role="tablist">
              {LEFT_TABS.filter((x) => x.id !== 'plan' || can.plan).map((x) => (
                <button
                  key={x.id}
                  type="button"
                  role="tab"
                  aria-selected={tab === x.id}
                  className={`tab${tab === x.id ? ' active' : ''}`}
                  data-testid={`tab-${x.id}`}
                  onClick={() => setTab(x.id)}
                >
                  {t(x.label)}
                  {x.id === 'unplaced' && data ? <span className="tab-count">{unplacedCount}</span> : null}
                </button>
              ))}
            </nav>
            <div className="panel-scroll">
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
                <DataTab map={map} attribution={attribution} onDataChanged={retry} notifyError={notifyError} canImport={can.plan} />
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
              placing={placingId !== null || placingNew}
              attribution={attribution}
              lang={lang}
              describeSite={(p) => `${p.name} · ${kindName(p.kind, lang)}`}
              onSelect={(id) => {
                selectSite(id);
                if (id) setPanelOpen(false);
              }}
              onPlace={(lng, lat) => (placingNew ? void newSite.save({ lng: round6(lng), lat: round6(lat) }) : void placeAt(lng, lat))}
              onMove={moveSite}
              canMove={(id) => can.editSite(sites.find((f) => f.id === id)?.properties.townshipCode ?? null)}
              onMap={setMap}
            />
            <CoverageLayers map={map} coverage={coverage} townships={data?.townships ?? []} sites={sites} placing={placingId !== null || placingNew} />
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
                <button type="button" className="button small" data-testid="placing-cancel" onClick={() => setPlacingId(null)}>
                  {t('placing.cancel')}
                </button>
              </div>
            )}
            {!data && (
              <div className="overlay-message" data-testid={error ? 'load-error' : 'loading'}>
                {error ? (
                  <>
                    <strong>{t('app.loadError')}</strong>
                    <span>{error}</span>
                    <button type="button" className="button primary" onClick={retry}>
                      {t('app.retry')}
                    </button>
                  </>
                ) : (
                  <span>{t('app.loading')}</span>
                )}
              </div>
            )}
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
                  setSelectedId(null);
                  setPlacingId(null);
                }}
              />
            </aside>
          )}
        </div>
      </div>
    </I18nContext.Provider>
  );
}

/** Six decimals of a degree ≈ 0.1 m: more would only be noise from the pointer. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
