import { DEFAULT_SPEEDS } from '../../../api/src/engine/types';
import { beijingDateTime } from '../lib/beijing-time';
import { useState } from 'react';
import type * as maplibregl from 'maplibre-gl';
import { SITE_KINDS } from '../../../api/src/schemas/sites';
import { useI18n } from '../lib/i18n';
import { kindName } from '../lib/names';
import { KIND_STYLE } from '../map/layers/site-kind-style';
import { PROPOSAL_COLOR } from '../planner/planner-layers';
import { exportUrls } from './data-api';
import { LAYER } from '../map/ids';
import { COVERED_COLOR, GAP_BREAKS, GAP_COLORS, gapClass } from '../coverage/layers';
import type { CoverageState } from '../coverage/use-coverage';
import { downloadBlob, renderMapPng, type LegendItem } from './export-map-png';
import { ReferenceImport } from './ReferenceImport';
import { SiteImport } from './SiteImport';

interface Props {
  map: maplibregl.Map | null;
  attribution: readonly string[];
  /** Reload everything the map shows (after an import changed sites or reference data). */
  onDataChanged: () => void;
  notifyError: (e: unknown) => void;
  /** What the map shows now, so the PNG's caption and legend follow the screen. */
  coverage: CoverageState;
  circlesShown: boolean;
  /** Show the imports (planners); everyone else gets the downloads only. */
  canImport?: boolean;
}

type Mode = 'walk' | 'bike' | 'car';
const stamp = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');

/** The "数据" tab: imports of the district's own data, downloads, and the map as a PNG. */
export function DataTab({ map, attribution, onDataChanged, notifyError, coverage, circlesShown, canImport = true }: Props) {
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
      // Only what is drawn in the current view: site kinds and statuses on screen, the circles or the coverage with its gap classes.
      const drawn = map.getLayer(LAYER.sites) ? map.queryRenderedFeatures({ layers: [LAYER.sites] }).map((f) => f.properties) : [];
      const kinds = new Set(drawn.map((p) => String(p.kind)));
      const hollow = drawn.some((p) => p.status === 'planned' || p.status === 'proposed');
      const report = coverage.on ? coverage.report : null;
      const gapClasses = report ? [...new Set(report.gaps.features.map((g) => gapClass(g.properties.population)))].sort() : [];
      const gapRange = (c: number) => (c === 0 ? `< ${GAP_BREAKS[0]}` : c === GAP_BREAKS.length ? `≥ ${GAP_BREAKS[c - 1]}` : `${GAP_BREAKS[c - 1]}–${GAP_BREAKS[c]}`);
      const legend: LegendItem[] = [
        ...SITE_KINDS.filter((k) => kinds.has(k)).map((k) => ({ label: kindName(k, lang), color: KIND_STYLE[k].color, shape: 'dot' as const })),
        ...(hollow ? [{ label: t('png.legendPlanned'), color: KIND_STYLE.station.color, shape: 'hollow' as const }] : []),
        ...(hasProposals ? [{ label: t('png.legendProposal'), color: PROPOSAL_COLOR.scenario, shape: 'number' as const }] : []),
        ...(circlesShown && !report ? [{ label: t('png.legendCircle'), color: KIND_STYLE.point.color, shape: 'area' as const }] : []),
        ...(report ? [{ label: t('coverage.legendCovered', { minutes: report.minutes }), color: COVERED_COLOR, shape: 'area' as const }] : []),
        ...gapClasses.map((c) => ({ label: t('png.legendGap', { range: gapRange(c) }), color: GAP_COLORS[c], shape: 'area' as const })),
        { label: t('legend.boundary'), color: '#7a2e1f', shape: 'line' },
      ];
      // The caption says how the drawn circles or coverage were computed (mode, minutes, straight-line or roads).
      const subtitle = report
        ? t('png.subtitleCoverage', { method: lang === 'zh' ? report.travelDescriptionZh : report.travelDescription })
        : circlesShown ? t('png.subtitle') : t('png.subtitlePlain');
      const blob = await renderMapPng(map, {
        title: title.trim() || t('app.title'),
        subtitle,
        legendTitle: t('legend.title'),
        legend,
        attribution: (attribution.length ? attribution : [t('png.noAttribution')]).map((x, i) => (i === 0 ? t('png.sources') + x : x)),
        footnote: t('png.footnote', { time: beijingDateTime(Date.now(), lang) }),
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
