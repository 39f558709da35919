import { useEffect, useId, useMemo, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { SiteFeature, Township, Village } from '../lib/api';
import { useI18n, type I18nKey } from '../lib/i18n';
import { kindName, townshipLabel } from '../lib/names';
import { searchEverything, type CoordinateDatum, type SearchResult } from './search-everything';

interface Props {
  map: maplibregl.Map | null;
  sites: readonly SiteFeature[];
  villages: readonly Village[];
  townships: readonly Township[];
  /** Opens a site's details. */
  onSelectSite: (id: string) => void;
}

const ZOOM: Record<SearchResult['kind'], number> = { coordinate: 15, site: 15, village: 14, township: 12 };

/**
 * One search box over the map: sites (name, code), villages/communities, townships, and `lng,lat` coordinates
 * (WGS-84 or GCJ-02). `/` focuses it; arrows move, Enter picks, Escape clears. Picking flies there and opens it.
 */
export function MapSearch({ map, sites, villages, townships, onSelectSite }: Props) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [datum, setDatum] = useState<CoordinateDatum>('wgs84');
  const input = useRef<HTMLInputElement>(null);
  const popup = useRef<maplibregl.Popup | null>(null);
  const listId = useId();

  const results = useMemo(() => {
    const tw = new Map(townships.map((x) => [x.code, townshipLabel(x, lang)]));
    return searchEverything(query, {
      sites, villages, townships,
      townshipName: (c) => (c ? tw.get(c) ?? c : ''),
      kindName: (k) => kindName(k as never, lang),
    }, datum);
  }, [query, sites, villages, townships, lang, datum]);

  useEffect(() => setActive(0), [query, datum]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => () => void popup.current?.remove(), []);

  const choose = (r: SearchResult) => {
    setOpen(false);
    input.current?.blur();
    popup.current?.remove();
    popup.current = null;
    if (!map) return;
    let lng = r.lng, lat = r.lat, zoom = ZOOM[r.kind];
    if (lng === null || lat === null) {
      // Not placed yet: its township's seat.
      const code = r.kind === 'site' ? sites.find((s) => s.id === r.id)?.properties.townshipCode : villages.find((v) => v.code === r.id)?.townshipCode;
      const seat = townships.find((x) => x.code === code)?.seat;
      if (seat) [lng, lat, zoom] = [seat.lng, seat.lat, 12];
    }
    if (lng !== null && lat !== null) map.flyTo({ center: [lng, lat], zoom: Math.max(zoom, r.kind === 'township' ? 0 : map.getZoom()), duration: 600 });
    if (r.kind === 'site') {
      onSelectSite(r.id);
      return;
    }
    if (lng === null || lat === null) return;
    const el = document.createElement('div');
    el.className = 'search-popup';
    el.dataset.testid = 'search-popup';
    el.dataset.kind = r.kind;
    const title = document.createElement('strong');
    title.textContent = r.label;
    const detail = document.createElement('div');
    detail.className = 'muted small';
    detail.textContent = [t(`search.kind.${r.kind}` as I18nKey), r.detail, r.lng === null ? t('search.noLocation') : ''].filter(Boolean).join(' · ');
    el.append(title, detail);
    popup.current = new maplibregl.Popup({ closeOnClick: true, offset: 8 }).setLngLat([lng, lat]).setDOMContent(el).addTo(map);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      const r = results[active];
      if (r) {
        e.preventDefault();
        choose(r);
      }
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      if (open && query) setOpen(false);
      else {
        setQuery('');
        input.current?.blur();
      }
    }
  };

  const looksLikeCoords = /^\s*-?\d/.test(query);
  let lastKind: string | null = null;
  return (
    <div className="map-search" data-testid="map-search">
      <div className="map-search-row">
        <input
          ref={input}
          type="search"
          role="combobox"
          aria-expanded={open && results.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && results[active] ? `${listId}-${active}` : undefined}
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          data-testid="search-input"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
        />
        {looksLikeCoords && (
          <select aria-label={t('search.datum')} data-testid="search-datum" value={datum} onChange={(e) => setDatum(e.target.value as CoordinateDatum)}>
            <option value="wgs84">WGS-84</option>
            <option value="gcj02">{t('search.gcj02')}</option>
          </select>
        )}
      </div>
      {open && query.trim() && (
        <ul className="map-search-results" role="listbox" id={listId} data-testid="search-results">
          {results.length === 0 && <li className="muted small map-search-empty">{t('search.none')}</li>}
          {results.map((r, k) => {
            const head = r.kind !== lastKind ? t(`search.group.${r.kind}` as I18nKey) : null;
            lastKind = r.kind;
            return [
              head && <li key={`h-${r.kind}`} className="map-search-group" role="presentation">{head}</li>,
              <li
                key={`${r.kind}-${r.id}`}
                id={`${listId}-${k}`}
                role="option"
                aria-selected={k === active}
                className={`map-search-option${k === active ? ' active' : ''}`}
                data-testid="search-result"
                data-kind={r.kind}
                data-id={r.id}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(k)}
                onClick={() => choose(r)}
              >
                <span className="map-search-label">{r.label}</span>
                <span className="muted small">{r.detail}{r.lng === null ? ` · ${t('search.noLocation')}` : ''}</span>
              </li>,
            ];
          })}
        </ul>
      )}
    </div>
  );
}
