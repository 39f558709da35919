import { DEFAULT_SPEEDS } from '../../../api/src/engine/types';
import { useState } from 'react';
import type * as maplibregl from 'maplibre-gl';
import { SITE_KINDS } from '../../../api/src/schemas/sites';
import { useI18n } from '../lib/i18n';
import { kindName } from '../lib/names';
import { KIND_STYLE } from '../map/layers/site-kind-style';
import { PROPOSAL_COLOR } from '../planner/planner-layers';
import { exportUrls } from './data-api';
import { downloadBlob, renderMapPng, type LegendItem } from './export-map-png';
import { ReferenceImport } from './ReferenceImport';
import { SiteImport } from './SiteImport';

interface Props {
  map: maplibregl.Map | null;
  attribution: readonly string[];
  /** Reload everything the map shows (after an import changed sites or reference data). */
  onDataChanged: () => void;
  notifyError: (e: unknown) => void;
  /** Show the imports (planners); everyone else gets the downloads only. */
  canImport?: boolean;
}

type Mode = 'walk' | 'bike' | 'car';
const stamp = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');

/** The "数据" tab: imports of the district's own data, downloads, and the map as a PNG. */
export function DataTab({ map, attribution, onDataChanged, notifyError, canImport = true }: Props) {
  const { t, lang } = useI18n();
  const [mode, setMode] = useState<Mode>('walk');
  const [minutes, setMinutes] = useState(15);
  const [older, setOlder] = useState(false);
  const [title, setTitle] = useState(() => t('app.title'));
  const [exporting, setExporting] = useState(false);
  const urls = exportUrls({ mode, minutes: String(minutes), older: older && mode === 'walk' ? 'true' : 'false' });

  const exportPng = async () => {
    if (!map) return;
    setExporting(true);
    try {
      const hasProposals = map.getContainer().querySelector('.planner-marker') !== null;
      const legend: LegendItem[] = [
        ...SITE_KINDS.map((k) => ({ label: kindName(k, lang), color: KIND_STYLE[k].color, shape: 'dot' as const })),
        { label: t('png.legendPlanned'), color: KIND_STYLE.station.color, shape: 'hollow' },
        ...(hasProposals ? [{ label: t('png.legendProposal'), color: PROPOSAL_COLOR.scenario, shape: 'number' as const }] : []),
        { label: t('png.legendCircle'), color: KIND_STYLE.point.color, shape: 'area' },
        { label: t('legend.boundary'), color: '#7a2e1f', shape: 'line' },
      ];
      const blob = await renderMapPng(map, {
        title: title.trim() || t('app.title'),
        subtitle: t('png.subtitle'),
        legendTitle: t('legend.title'),
        legend,
        attribution: (attribution.length ? attribution : [t('png.noAttribution')]).map((x, i) => (i === 0 ? t('png.sources') + x : x)),
        footnote: t('png.footnote', { time: new Date().toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') }),
      });
      downloadBlob(blob, `${t('png.fileName')}-${stamp()}.png`);
    } catch (e) {
      notifyError(e);
    } finally {
      setExporting(false);
    }
  };

  const links = (group: 'sites' | 'townships' | 'gaps') => (
    <span className="download-links">
      {(['geojson', 'csv', 'xlsx'] as const).map((fmt) => (
        <a key={fmt} className="button small" href={urls[group][fmt]} download data-testid={`export-${group}-${fmt}`}>
          {fmt === 'geojson' ? 'GeoJSON' : fmt.toUpperCase()}
        </a>
      ))}
    </span>
  );

  return (
    <div className="data-tab" data-testid="data-tab">
      {canImport && <><section className="panel-section">
        <div className="section-head"><h3>{t('data.sitesTitle')}</h3></div>
        <SiteImport onCommitted={onDataChanged} notifyError={notifyError} />
      </section>

      <section className="panel-section">
        <div className="section-head"><h3>{t('data.referenceTitle')}</h3></div>
        {(['townships', 'villages', 'population'] as const).map((kind) => (
          <details key={kind} className="import-details">
            <summary data-testid={`import-${kind}-toggle`}>{t(`data.${kind}`)}</summary>
            <ReferenceImport kind={kind} onCommitted={onDataChanged} notifyError={notifyError} />
          </details>
        ))}
      </section></>}

      <section className="panel-section">
        <div className="section-head"><h3>{t('data.exportTitle')}</h3></div>
        <div className="export-row">
          <span>{t('data.exportSites')}</span>
          {links('sites')}
        </div>
        <div className="field-pair export-options">
          <label className="field">
            <span className="field-label">{t('plan.mode')}</span>
            <select value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
              {(['walk', 'bike', 'car'] as const).map((m) => <option key={m} value={m}>{t(`plan.mode.${m}`)}</option>)}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('plan.minutes')}</span>
            <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
              {[5, 10, 15].map((m) => <option key={m} value={m}>{t('plan.minutesValue', { n: m })}</option>)}
            </select>
          </label>
        </div>
        {mode === 'walk' && (
          <label className="check-row">
            <input type="checkbox" checked={older} onChange={(e) => setOlder(e.target.checked)} />
            <span>{t('plan.older', { speed: DEFAULT_SPEEDS.olderWalkKmh })}</span>
          </label>
        )}
        <div className="export-row">
          <span>{t('data.exportTownships')}</span>
          {links('townships')}
        </div>
        <div className="export-row">
          <span>{t('data.exportGaps')}</span>
          {links('gaps')}
        </div>
      </section>

      <section className="panel-section">
        <div className="section-head"><h3>{t('png.title')}</h3></div>
        <label className="field">
          <span className="field-label">{t('png.mapTitle')}</span>
          <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="png-title" />
        </label>
        <p className="muted small">{t('png.hint')}</p>
        <button type="button" className="button primary" disabled={!map || exporting} onClick={exportPng} data-testid="png-export">
          {exporting ? t('import.working') : t('png.button')}
        </button>
      </section>
    </div>
  );
}
