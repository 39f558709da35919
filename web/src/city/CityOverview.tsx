import { useEffect, useMemo, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import { useQuery } from '@tanstack/react-query';
import type { StyleSpecification } from 'maplibre-gl';
import { api, type CityOverview as Overview } from '../lib/api';
import { createDistrictMap } from '../map/create-district-map';
import { featureBounds } from '../coverage/geojson';
import { pageForDistrict } from '../lib/district';
import { errorWords } from '../lib/error-words';
import { useI18n } from '../lib/i18n';
import { DistrictSwitcher } from './DistrictSwitcher';
import { keys } from '../lib/queries';

/** Coverage share → fill colour (the same ramp as a choropleth of the planner: light = low). */
const RAMP: [number, string][] = [[0, '#fde0dd'], [0.1, '#fcc5c0'], [0.25, '#fa9fb5'], [0.5, '#f768a1'], [0.75, '#c51b8a'], [1, '#7a0177']];
const STYLE: StyleSpecification = { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f3f1ec' } }] };

const pct = (x: number | null, digits = 1) => (x === null ? null : `${(x * 100).toFixed(digits)}%`);

/**
 * The city overview: the seven counties side by side on one map (filled by modelled 15-minute coverage) and one table —
 * population, coverage, quotas met, volunteer registration, evaluation rank ("no data" where there is none).
 */
export function CityOverview() {
  const { t, lang } = useI18n();
  const overview = useQuery({ queryKey: keys.cityOverview, queryFn: api.cityOverview });
  const data: Overview | null = overview.data ?? null, error = overview.error;
  const mapEl = useRef<HTMLDivElement>(null);
  const collection = useMemo(() => data && {
    type: 'FeatureCollection' as const,
    features: data.counties.map((c) => ({ type: 'Feature' as const, geometry: c.boundary, properties: { code: c.code, share: c.coverage.share } })),
  }, [data]);
  useEffect(() => {
    if (!collection || !mapEl.current || !data) return;
    const map = createDistrictMap(mapEl.current, STYLE, 7);
    const markers: maplibregl.Marker[] = [];
    map.on('load', () => {
      map.addSource('counties', { type: 'geojson', data: collection });
      map.addLayer({ id: 'county-fill', type: 'fill', source: 'counties', paint: {
        'fill-color': ['interpolate', ['linear'], ['get', 'share'], ...RAMP.flat()] as never, 'fill-opacity': 0.85 } });
      map.addLayer({ id: 'county-line', type: 'line', source: 'counties', paint: { 'line-color': '#5a1a1a', 'line-width': 1.2 } });
      map.on('click', 'county-fill', (e) => {
        const code = e.features?.[0]?.properties?.code;
        if (code) window.location.assign(pageForDistrict(String(code)));
      });
      let all: [number, number, number, number] | null = null;
      for (const f of collection.features) {
        const b = featureBounds(f);
        if (!b) continue;
        all = all ? [Math.min(all[0], b[0]), Math.min(all[1], b[1]), Math.max(all[2], b[2]), Math.max(all[3], b[3])] : b;
        const c = data.counties.find((x) => x.code === f.properties.code)!;
        const el = document.createElement('div');
        el.className = 'city-label';
        el.textContent = `${lang === 'en' && c.nameEn ? c.nameEn : c.name} ${pct(c.coverage.share)}`;
        markers.push(new maplibregl.Marker({ element: el }).setLngLat([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]).addTo(map));
      }
      if (all) map.fitBounds(all, { padding: 30, animate: false });
    });
    return () => {
      for (const m of markers) m.remove();
      map.remove();
    };
  }, [collection, data, lang]);

  return (
    <div className="app city-page" data-testid="city-overview">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">文</span>
          <h1>{t('city.title')}</h1>
        </div>
        <div className="topbar-right">
          <DistrictSwitcher city />
        </div>
      </header>
      <div className="city-body">
        <div className="city-map" ref={mapEl} />
        <div className="city-table-wrap">
          {error ? <p className="error">{errorWords(error, lang).title}</p> : null}
          {!data && !error ? <p className="loading-row"><span className="spinner" aria-hidden="true" />{t('city.loading')}</p> : null}
          {data ? (
            <>
              <table className="city-table" data-testid="city-table">
                <thead>
                  <tr>
                    <th>{t('city.county')}</th><th>{t('city.population')}</th><th>{t('city.coverage')}</th><th>{t('city.coverageRank')}</th>
                    <th>{t('city.sites')}</th><th>{t('city.quotas')}</th><th>{t('city.volunteers')}</th><th>{t('city.rank')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.counties.map((c) => (
                    <tr key={c.code} data-code={c.code}>
                      <td><a href={pageForDistrict(c.code)}>{lang === 'en' && c.nameEn ? c.nameEn : c.name}</a></td>
                      <td className="num">{c.population.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}</td>
                      <td className="num">{pct(c.coverage.share)}</td>
                      <td className="num">{data.coverageRank[c.code]}</td>
                      <td className="num">{c.coverage.sitesPlaced}/{c.coverage.sites}</td>
                      <td className="num" title={c.quotas.ruleSet.name}>{c.quotas.townshipsMet}/{c.quotas.townships} <span className="muted">({c.quotas.ruleSet.id})</span></td>
                      <td className="num">{pct(c.volunteerRate) ?? <span className="muted">{t('city.noData')}</span>}</td>
                      <td className="num"><span className="muted" title={data.evaluationNote}>{t('city.noData')}</span></td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="city-method">{lang === 'zh' ? data.methodZh : data.method}</p>
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}
