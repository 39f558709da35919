import { useMemo, useState } from 'react';
import type { SiteFeature, Township } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { kindName, townshipLabel } from '../lib/names';
import { KindSwatch } from './KindSwatch';

interface Props {
  sites: readonly SiteFeature[];
  townships: readonly Township[];
  initialTownship: string | null;
  placingId: string | null;
  selectedId: string | null;
  onPlace: (id: string) => void;
  onSelect: (id: string) => void;
  /** Opens the new-site form (with the list's township preselected). */
  /** Opens the new-site form; absent when the account may not create sites. */
  onNewSite?: (townshipCode: string | null) => void;
  /** Whether the account may place this township's sites. */
  canPlace?: (townshipCode: string | null) => boolean;
}

/** Sites without a location (未放置站点), filterable by township and searchable; pick one to place it. */
export function UnplacedList({ sites, townships, initialTownship, placingId, selectedId, onPlace, onSelect, onNewSite, canPlace = () => true }: Props) {
  const { t, lang } = useI18n();
  const [township, setTownship] = useState<string>(initialTownship ?? '');
  const [query, setQuery] = useState('');
  const townshipName = useMemo(() => new Map(townships.map((tw) => [tw.code, townshipLabel(tw, lang)])), [townships, lang]);
  const q = query.trim().toLowerCase();
  const unplaced = sites.filter(
    (s) =>
      !s.geometry &&
      (!township || s.properties.townshipCode === township) &&
      (!q || s.properties.name.toLowerCase().includes(q) || (s.properties.code ?? '').includes(q)),
  );

  return (
    <div className="unplaced">
      <div className="panel-section">
        {onNewSite && (
          <button type="button" className="button wide new-site-button" data-testid="new-site-button" onClick={() => onNewSite(township || null)}>
            {t('newSite.button')}
          </button>
        )}
        <label className="field">
          <span className="field-label">{t('filter.township')}</span>
          <select data-testid="unplaced-township" value={township} onChange={(e) => setTownship(e.target.value)}>
            <option value="">{t('filter.allTownships')}</option>
            {townships.map((tw) => (
              <option key={tw.code} value={tw.code}>
                {townshipLabel(tw, lang)}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          className="search"
          data-testid="unplaced-search"
          placeholder={t('unplaced.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <p className="muted small" data-testid="unplaced-count">
          {t('unplaced.count', { n: unplaced.length })}
        </p>
      </div>
      {unplaced.length === 0 ? (
        <p className="empty">{t('unplaced.empty')}</p>
      ) : (
        <ul className="site-list" data-testid="unplaced-list">
          {unplaced.map((s) => {
            const p = s.properties;
            const active = placingId === s.id;
            return (
              <li
                key={s.id}
                className={`${active ? 'placing' : ''}${selectedId === s.id ? ' selected' : ''}`}
                data-testid="unplaced-item"
                data-site-id={s.id}
              >
                <button type="button" className="site-list-main" onClick={() => onSelect(s.id)}>
                  <KindSwatch kind={p.kind} />
                  <span className="site-list-text">
                    <span className="site-list-name">{p.name}</span>
                    <span className="muted small">
                      {kindName(p.kind, lang)}
                      {p.townshipCode ? ` · ${townshipName.get(p.townshipCode) ?? p.townshipCode}` : ''}
                    </span>
                  </span>
                </button>
                {canPlace(s.properties.townshipCode) && (
                  <button
                    type="button"
                    className={`button small${active ? ' primary' : ''}`}
                    data-testid="place-button"
                    onClick={() => onPlace(s.id)}
                  >
                    {t('unplaced.place')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
