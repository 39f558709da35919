import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { keys, queryClient } from '../lib/queries';
import { districtQueries } from '../lib/use-planner-data';
import { NavButton } from './NavButton';
import { ResidentLegend } from './ResidentLegend';
import type { FeatureCollection } from 'geojson';
import { DEFAULT_SPEEDS } from '../../../api/src/engine/types';
import { api, type BoundaryCollection, type PublicSiteFeature as SiteFeature, type Township, type Village } from '../lib/api';
import { I18nContext, translate, useI18n, type I18nKey } from '../lib/i18n';
import { kindName, townshipLabel } from '../lib/names';
import { usePageI18n } from '../lib/use-page-i18n';
import { KindSwatch } from '../components/KindSwatch';
import { SegmentedRadio } from '../components/SegmentedRadio';
import { coverageApi, type CoverageSettings, type NearestAnswer, type TravelMode } from '../coverage/api';
import { formatMeters, formatMinutes } from '../coverage/format';
import { ResidentMap, type ResidentPoint } from './ResidentMap';
import { searchPlaces, type PlaceOption } from './search';
import { RequestForm } from './RequestForm';
import { TrackPanel } from './TrackPanel';
import { StationSchedule } from './StationSchedule';

/** The service-circle size residents are told about: the district's 15-minute goal. */
const CIRCLE_MINUTES = 15;
const MODES: TravelMode[] = ['walk', 'bike', 'car'];

interface Located extends ResidentPoint {
  /** How the point was chosen, shown above the results. */
  label: string;
  note?: string;
  /** The village chosen from the search, if any (its own station is shown first). */
  villageCode?: string;
}

interface BaseData {
  boundary: BoundaryCollection;
  townships: Township[];
  villages: Village[];
  sites: SiteFeature[];
}

/** 居民查询: find the nearest practice sites from a village, a tapped point or the device location. */
export function ResidentApp() {
  const i18n = usePageI18n('resident.title');
  const { lang, t } = i18n;

  const baseQuery = useQueries({
    queries: [
      ...districtQueries,
      { queryKey: keys.publicSites, queryFn: api.publicSites },
    ],
    combine: (r) => {
      const [boundary, townships, villages, sites] = r;
      const base: BaseData | null = boundary.data && townships.data && villages.data && sites.data
        ? { boundary: boundary.data, townships: townships.data, villages: villages.data, sites: sites.data.features.filter((s) => s.geometry) }
        : null;
      const error = r.find((x) => x.error)?.error;
      return { base, loadError: error ? (error instanceof Error ? error.message : String(error)) : null };
    },
  });
  const { base, loadError } = baseQuery;

  const [settings, setSettings] = useState<CoverageSettings>({ mode: 'walk', minutes: CIRCLE_MINUTES, older: false });
  // The circles are only a backdrop: an error leaves the map without them.
  const circles = (useQuery({ queryKey: keys.isochrones(settings), queryFn: () => coverageApi.isochrones(settings), placeholderData: keepPreviousData }).data ??
    null) as FeatureCollection | null;

  const [located, setLocated] = useState<Located | null>(null);
  const [pickedId, setSelectedId] = useState<string | null>(null);
  const [geoMessage, setGeoMessage] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);

  const nearest = useQuery({
    queryKey: ['data', 'nearest', located?.lng, located?.lat, settings],
    queryFn: () => coverageApi.nearest({ lng: located!.lng, lat: located!.lat }, settings, 5),
    enabled: located !== null,
  });
  const answer = nearest.data ?? null;
  const searching = nearest.isFetching;
  const queryError = nearest.error ? (nearest.error instanceof Error ? nearest.error.message : String(nearest.error)) : null;
  /** The station picked in the list or on the map, else the nearest one. */
  const selectedId = answer?.results.some((r) => r.id === pickedId) ? pickedId : (answer?.results[0]?.id ?? null);

  const tapMap = useCallback(
    (lng: number, lat: number) => {
      setGeoMessage(null);
      setLocated({ lng: round6(lng), lat: round6(lat), approximate: false, label: translate(lang, 'resident.tapped') });
    },
    [lang],
  );

  const choosePlace = useCallback(
    (p: PlaceOption) => {
      if (!base) return;
      setGeoMessage(null);
      const seat = base.townships.find((tw) => tw.code === p.townshipCode);
      const townshipName = seat ? (townshipLabel(seat, lang)) : p.townshipCode;
      const village = p.kind === 'village' ? base.villages.find((v) => v.code === p.code) : undefined;
      const villageCode = village?.code;
      if (p.lng !== null && p.lat !== null) {
        // A village point placed by hand is approximate unless someone said it is exact: no verdict from it.
        const approximate = p.kind === 'township' || village?.precision !== 'exact';
        const note = p.kind === 'township'
          ? translate(lang, 'resident.townshipSeat', { township: townshipName })
          : approximate ? translate(lang, 'resident.villageApproximate', { name: p.name }) : undefined;
        setLocated({ lng: p.lng, lat: p.lat, approximate, label: p.name, note, villageCode });
      } else if (seat?.seat) {
        setLocated({
          lng: seat.seat.lng,
          lat: seat.seat.lat,
          approximate: true,
          label: p.name,
          note: translate(lang, 'resident.noCoords', { name: p.name, township: townshipName }),
          villageCode,
        });
      } else {
        setGeoMessage(translate(lang, 'resident.noPlace', { name: p.name }));
      }
    },
    [base, lang],
  );

  const locate = useCallback(() => {
    setGeoMessage(null);
    if (!('geolocation' in navigator)) {
      setGeoMessage(translate(lang, 'resident.geoUnsupported'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setLocated({
          lng: round6(pos.coords.longitude),
          lat: round6(pos.coords.latitude),
          approximate: pos.coords.accuracy > 500,
          label: translate(lang, 'resident.myLocation'),
          note: translate(lang, 'resident.accuracy', { meters: Math.round(pos.coords.accuracy) }),
        });
      },
      (err) => {
        setLocating(false);
        setGeoMessage(translate(lang, err.code === err.PERMISSION_DENIED ? 'resident.geoDenied' : 'resident.geoUnavailable'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }, [lang]);

  const townshipName = (code: string | null) => {
    const tw = code ? base?.townships.find((x) => x.code === code) : undefined;
    return tw ? (townshipLabel(tw, lang)) : '';
  };
  const results = answer?.results ?? [];
  const ownStation = located?.villageCode
    ? base?.sites.find((s) => s.properties.villageCode === located.villageCode && s.properties.kind === 'station' && s.properties.status === 'existing')
    : undefined;

  return (
    <I18nContext.Provider value={i18n}>
      <div className="resident">
        <header className="resident-top">
          <span className="brand-mark" aria-hidden="true">文</span>
          <div className="resident-titles">
            <h1 data-testid="resident-title">{t('resident.title')}</h1>
            <span className="resident-sub">{t('resident.subtitle')}</span>
          </div>
          <button type="button" className="topbar-button" data-testid="lang-switch" onClick={() => i18n.setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('lang.switch')}
          </button>
        </header>

        <section className="resident-controls">
          <PlaceSearch base={base} onChoose={choosePlace} />
          <button type="button" className="button locate-button" data-testid="locate" onClick={locate} disabled={locating}>
            ◎ {locating ? t('resident.locating') : t('resident.locate')}
          </button>
          <div className="resident-modes">
            <SegmentedRadio
              testId="resident-modes"
              optionTestId="mode"
              options={MODES}
              value={settings.mode}
              onChange={(mode) => setSettings({ ...settings, mode })}
              label={(m) => t(`mode.${m}` as I18nKey)}
            />
            {settings.mode === 'walk' && (
              <label className="check-inline">
                <input
                  type="checkbox"
                  data-testid="resident-older"
                  checked={settings.older}
                  onChange={(e) => setSettings({ ...settings, older: e.target.checked })}
                />
                {t('resident.older', { speed: DEFAULT_SPEEDS.olderWalkKmh })}
              </label>
            )}
          </div>
        </section>

        <div className="resident-map-wrap">
          <ResidentMap
            boundary={base?.boundary ?? null}
            townships={base?.townships ?? []}
            villages={base?.villages ?? []}
            sites={base?.sites ?? []}
            circles={circles}
            point={located}
            results={results}
            method={answer?.method ?? 'straight-line'}
            selectedId={selectedId}
            lang={lang}
            onTap={tapMap}
            onSelect={setSelectedId}
          />
          {!located && base && <div className="map-hint" data-testid="tap-hint">{t('resident.tapHint')}</div>}
          <ResidentLegend minutes={settings.minutes} />
        </div>

        <section className="resident-results" data-testid="resident-results" aria-live="polite">
          {loadError && (
            <div className="notice bad">
              {t('app.loadError')}: {loadError}{' '}
              <button type="button" className="link" onClick={() => void queryClient.invalidateQueries()}>
                {t('app.retry')}
              </button>
            </div>
          )}
          {geoMessage && <div className="notice warn" data-testid="geo-message">{geoMessage}</div>}
          {located && (
            <div className="located" data-testid="located" data-approximate={String(located.approximate)} data-lng={located.lng} data-lat={located.lat}>
              <strong>{located.label}</strong>
              {located.approximate && <span className="badge warn">{t('resident.approximate')}</span>}
              <span className="muted small coords">
                {located.lat.toFixed(5)}, {located.lng.toFixed(5)}
              </span>
              {located.note && <p className="muted small" data-testid="located-note">{located.note}</p>}
            </div>
          )}
          {searching && <p className="muted" data-testid="resident-loading">{t('resident.loading')}</p>}
          {queryError && <div className="notice bad">{t('resident.error')}: {queryError}</div>}
          {answer && !searching && located && (
            <>
              {!answer.insideDistrict && <div className="notice warn" data-testid="outside-district">{t('resident.outsideDistrict')}</div>}
              {located.approximate ? (
                // An approximate location never gives a verdict or minutes: ask for the home instead.
                <div className="notice warn" data-testid="approximate-message">
                  {t('resident.noVerdict', { name: located.label, minutes: answer.minutes })}
                </div>
              ) : results.length > 0 && answer.withinCircle ? (
                <div className="notice good" data-testid="within-message">
                  {t('resident.inside', { name: results[0].name, minutes: answer.minutes })}
                </div>
              ) : (
                <div className="notice bad" data-testid="outside-message">
                  {t('resident.outside', { minutes: answer.minutes })}
                </div>
              )}
              {located.approximate && (
                <div className="approx-actions">
                  <span className="muted small">{t('resident.tapHome')}</span>{' '}
                  <button type="button" className="button small" data-testid="approx-locate" onClick={locate}>◎ {t('resident.locate')}</button>
                </div>
              )}
              {ownStation && (
                <div className="own-station" data-testid="own-station">
                  <span className="muted small">{t('resident.ownStation')}</span>
                  <strong>{ownStation.properties.name}</strong>
                  {ownStation.properties.address && <span className="muted small"> · {ownStation.properties.address}</span>}
                  {ownStation.properties.locationPrecision !== 'exact' && <span className="badge warn">{t('resident.approximate')}</span>}
                </div>
              )}
              {results.length === 0 ? (
                <p className="muted">{t('resident.none')}</p>
              ) : (
                <>
                  <h2 className="results-title">{located.approximate ? t('resident.nearbyApprox') : t('resident.nearest')}</h2>
                  <ol className="nearest-list" data-testid="nearest-list">
                    {results.map((r, i) => (
                      <li
                        key={r.id}
                        className={r.id === selectedId ? 'selected' : ''}
                        data-testid="nearest-item"
                        data-site-id={r.id}
                        onClick={() => setSelectedId(r.id)}
                      >
                        <span className="rank">{i + 1}</span>
                        <div className="nearest-body">
                          <div className="nearest-head">
                            <strong className="nearest-name" data-testid="nearest-name">{r.name}</strong>
                            {!located.approximate && (
                              <span className={`nearest-minutes${r.minutes <= answer.minutes ? ' good' : ''}`} data-testid="nearest-minutes">
                                {t('resident.minutes', { minutes: formatMinutes(r.minutes) })}
                              </span>
                            )}
                          </div>
                          <div className="nearest-kind">
                            <KindSwatch kind={r.kind} />
                            {kindName(r.kind, lang)}
                            {r.townshipCode && <span className="muted"> · {townshipName(r.townshipCode)}</span>}
                          </div>
                          {!located.approximate && <div className="muted small" data-testid="nearest-distance">
                            {t('resident.distance', { distance: formatMeters(r.meters) })}
                            {answer.method !== 'network' && (
                              <>
                                {' '}
                                ({t('resident.straight', { distance: formatMeters(r.straightMeters) })}) ·{' '}
                                <span className="badge warn">{t('resident.estimate')}</span>
                              </>
                            )}
                          </div>}
                          <NavButton lng={r.lng} lat={r.lat} name={r.name} />
                          {r.id === selectedId && (
                            <dl className="nearest-details" data-testid="nearest-details">
                              <dt>{t('site.address')}</dt>
                              <dd>{r.address || <span className="muted">{t('resident.noAddress')}</span>}</dd>
                              <dt>{t('site.phone')}</dt>
                              <dd>{r.phone ? <a href={`tel:${r.phone.replace(/[^\d+]/g, '')}`}>{r.phone}</a> : <span className="muted">{t('resident.noPhone')}</span>}</dd>
                              <StationSchedule openingHours={r.openingHours} site={base?.sites.find((s) => s.id === r.id)} />
                            </dl>
                          )}
                        </div>
                      </li>
                    ))}
                  </ol>
                  <p className="note" data-testid="resident-method">
                    {answer.method === 'network' ? t('resident.networkNote') : t('resident.straightNote')}
                    {lang === 'zh' ? '' : ` ${answer.travelDescription}`}
                  </p>
                </>
              )}
            </>
          )}
          <RequestForm lang={lang} place={located} />
          <TrackPanel lang={lang} />
          <p className="resident-foot muted small">
            <a href="/">{t('resident.backToPlanner')}</a>
          </p>
        </section>
      </div>
    </I18nContext.Provider>
  );
}

/** Search box with a suggestion list of villages/communities and townships. */
function PlaceSearch({ base, onChoose }: { base: BaseData | null; onChoose: (p: PlaceOption) => void }) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const options = useMemo(() => (base ? searchPlaces(q, base.villages, base.townships, 8, lang) : []), [q, base, lang]);
  const townshipName = (code: string) => {
    const tw = base?.townships.find((x) => x.code === code);
    return tw ? (townshipLabel(tw, lang)) : '';
  };
  const choose = (p: PlaceOption) => {
    setQ(p.name);
    setOpen(false);
    onChoose(p);
  };
  useEffect(() => {
    const close = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, []);
  return (
    <div className="place-search" ref={box}>
      <input
        type="search"
        className="search"
        data-testid="place-search"
        placeholder={t('resident.search')}
        value={q}
        enterKeyHint="search"
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && options[active]) choose(options[active]);
          else if (e.key === 'Escape') setOpen(false);
        }}
        aria-autocomplete="list"
      />
      {open && q.trim() && (
        <ul className="place-options" role="listbox" data-testid="place-options">
          {options.length === 0 && <li className="muted empty-option">{t('resident.noMatch')}</li>}
          {options.map((p, i) => (
            <li key={`${p.kind}-${p.code}`} role="option" aria-selected={i === active}>
              <button type="button" className={i === active ? 'active' : ''} data-testid="place-option" onClick={() => choose(p)}>
                <span>{p.name}</span>
                <span className="muted small">
                  {p.kind === 'township' ? t('resident.kindTownship') : townshipName(p.townshipCode)}
                  {p.lng === null && p.kind === 'village' ? ` · ${t('resident.noCoordsShort')}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
