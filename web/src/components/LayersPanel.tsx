import { SITE_KINDS, SITE_STATUSES, type SiteKind } from '../../../api/src/schemas/sites';
import type { SiteFeature, Township } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { kindName, townshipLabel } from '../lib/names';
import type { SiteFilterState } from '../map/layers/site-layers';
import { DEMONSTRATION_COLOR } from '../map/layers/site-kind-style';
import { WALK_CIRCLE } from '../map/geojson';
import { KindSwatch } from './KindSwatch';

interface Props {
  filter: SiteFilterState;
  onFilter: (f: SiteFilterState) => void;
  townships: readonly Township[];
  sites: readonly SiteFeature[];
  showCircles: boolean;
  onShowCircles: (v: boolean) => void;
  /** Opens the new-site form (with the filtered township preselected). */
  /** Opens the new-site form; absent when the account may not create sites. */
  onNewSite?: (townshipCode: string | null) => void;
}

const toggle = <T,>(list: readonly T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/** Filters by kind, township and status, the circles switch, and the legend (kind rows double as filters). */
export function LayersPanel({ filter, onFilter, townships, sites, showCircles, onShowCircles, onNewSite }: Props) {
  const { t, lang } = useI18n();
  const placed = sites.filter((s) => s.geometry);
  const shown = placed.filter(
    (s) =>
      filter.kinds.includes(s.properties.kind) &&
      filter.statuses.includes(s.properties.status) &&
      (!filter.township || s.properties.townshipCode === filter.township),
  ).length;
  const countByKind = (k: SiteKind) =>
    sites.filter((s) => s.properties.kind === k && (!filter.township || s.properties.townshipCode === filter.township));

  return (
    <div className="panel-section-list">
      <section className="panel-section">
        {onNewSite && (
          <button type="button" className="button wide new-site-button" data-testid="new-site-button" onClick={() => onNewSite(filter.township)}>
            {t('newSite.button')}
          </button>
        )}
        <label className="field">
          <span className="field-label">{t('filter.township')}</span>
          <select
            data-testid="filter-township"
            value={filter.township ?? ''}
            onChange={(e) => onFilter({ ...filter, township: e.target.value || null })}
          >
            <option value="">{t('filter.allTownships')}</option>
            {townships.map((tw) => (
              <option key={tw.code} value={tw.code}>
                {townshipLabel(tw, lang)}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <span className="field-label">{t('filter.status')}</span>
          <div className="chip-row" data-testid="filter-status">
            {SITE_STATUSES.map((s) => (
              <label key={s} className={`chip${filter.statuses.includes(s) ? ' on' : ''}`}>
                <input
                  type="checkbox"
                  checked={filter.statuses.includes(s)}
                  onChange={() => onFilter({ ...filter, statuses: toggle(filter.statuses, s) })}
                />
                <KindSwatch kind="station" hollow={s !== 'existing'} faint={s === 'proposed'} />
                {t(`status.${s}`)}
              </label>
            ))}
          </div>
        </div>
        <p className="muted small" data-testid="shown-count">
          {t('filter.shown', { shown, placed: placed.length })}
        </p>
      </section>

      <section className="panel-section">
        <div className="section-head">
          <h3>{t('filter.kind')}</h3>
          <span className="link-row">
            <button type="button" className="link" onClick={() => onFilter({ ...filter, kinds: [...SITE_KINDS] })}>
              {t('filter.all')}
            </button>
            <button type="button" className="link" onClick={() => onFilter({ ...filter, kinds: [] })}>
              {t('filter.none')}
            </button>
          </span>
        </div>
        <ul className="legend" data-testid="legend">
          {SITE_KINDS.map((k) => {
            const all = countByKind(k);
            const nPlaced = all.filter((s) => s.geometry).length;
            return (
              <li key={k}>
                <label className={filter.kinds.includes(k) ? '' : 'off'}>
                  <input
                    type="checkbox"
                    data-testid={`filter-kind-${k}`}
                    checked={filter.kinds.includes(k)}
                    onChange={() => onFilter({ ...filter, kinds: toggle(filter.kinds, k) })}
                  />
                  <span className="swatch-box">
                    <KindSwatch kind={k} />
                  </span>
                  <span className="legend-name">{kindName(k, lang)}</span>
                  <span className="legend-count" title={`${nPlaced} / ${all.length}`}>
                    {nPlaced}
                    <span className="muted">/{all.length}</span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        <ul className="legend legend-extra">
          <li>
            <span className="swatch-box">
              <span className="swatch" style={{ width: 18, height: 18, background: DEMONSTRATION_COLOR, border: '1px solid #6b4e00' }} />
            </span>
            {t('legend.demonstration')}
          </li>
          <li>
            <span className="swatch-box">
              <span className="swatch" style={{ width: 8, height: 8, background: '#333' }} />
            </span>
            {t('legend.seat')}
          </li>
          <li>
            <span className="swatch-box">
              <span className="line-swatch" />
            </span>
            {t('legend.boundary')}
          </li>
        </ul>
        <p className="muted small">{t('legend.statusNote')}</p>
      </section>

      <section className="panel-section">
        <label className="switch-row">
          <input type="checkbox" data-testid="toggle-circles" checked={showCircles} onChange={(e) => onShowCircles(e.target.checked)} />
          <span>{t('circles.toggle')}</span>
        </label>
        <p className="note" data-testid="circles-note">
          {t('circles.note', {
            speed: WALK_CIRCLE.speedKmh,
            detour: WALK_CIRCLE.detourFactor,
            radius: Math.round(WALK_CIRCLE.radiusMeters),
          })}
        </p>
      </section>
    </div>
  );
}
