import { useMemo } from 'react';
import type { SiteFeature, Township, Village } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { townshipLabel } from '../lib/names';

interface Props {
  villages: readonly Village[];
  townships: readonly Township[];
  sites: readonly SiteFeature[];
  placingCode: string | null;
  exact: boolean;
  withStation: boolean;
  canUndo: boolean;
  onExact: (v: boolean) => void;
  onWithStation: (v: boolean) => void;
  onPlace: (code: string) => void;
  onNext: () => void;
  onUndo: () => void;
}

/** 村/社区: the 139 villages per township, how many are placed and where each point came from; place, next, undo. */
export function VillagePanel(p: Props) {
  const { t, lang } = useI18n();
  const placed = p.villages.filter((v) => v.lng !== null).length;
  const groups = useMemo(
    () => p.townships.map((tw) => ({ tw, villages: p.villages.filter((v) => v.townshipCode === tw.code) })).filter((g) => g.villages.length),
    [p.townships, p.villages],
  );
  const stationOf = (code: string) => p.sites.find((s) => s.properties.villageCode === code && s.properties.kind === 'station');
  return (
    <div className="village-panel" data-testid="village-panel">
      <p>
        <strong data-testid="villages-progress">{t('villages.progress', { placed, total: p.villages.length })}</strong>
      </p>
      <p className="muted small">{t('villages.help')}</p>
      <div className="button-row">
        <button type="button" className="button small" data-testid="villages-next" onClick={p.onNext} disabled={placed === p.villages.length}>
          {placed === p.villages.length ? t('villages.allPlaced') : t('villages.next')}
        </button>
        <button type="button" className="button small" data-testid="villages-undo" onClick={p.onUndo} disabled={!p.canUndo}>
          {t('villages.undo')}
        </button>
      </div>
      <label className="check-inline">
        <input type="checkbox" data-testid="villages-exact" checked={p.exact} onChange={(e) => p.onExact(e.target.checked)} />
        {t('villages.markExact')}
      </label>
      <label className="check-inline">
        <input type="checkbox" data-testid="villages-with-station" checked={p.withStation} onChange={(e) => p.onWithStation(e.target.checked)} />
        {t('villages.withStation')}
      </label>
      {groups.map(({ tw, villages }) => (
        <section key={tw.code} className="township-group" data-testid="village-township">
          <h4>
            <span>{townshipLabel(tw, lang)}</span>
            <span className="muted small">{villages.filter((v) => v.lng !== null).length} / {villages.length}</span>
          </h4>
          {villages.map((v) => {
            const source = v.lng === null ? 'seat' : v.placedBy === 'hand' ? 'hand' : 'import';
            const station = stationOf(v.code);
            return (
              <div key={v.code} className={`village-row${p.placingCode === v.code ? ' active' : ''}`} data-testid="village-row" data-code={v.code} data-placed={String(v.lng !== null)}>
                <span className="village-name">{v.shortName}</span>
                <span className={`badge${source === 'seat' ? ' warn' : ''}`} data-testid="village-source">
                  {t(`villages.source.${source}`)}
                  {v.precision ? ` · ${t(v.precision === 'exact' ? 'villages.exact' : 'villages.approximate')}` : ''}
                </span>
                {station && !station.geometry && <span className="muted small" title={station.properties.name}>站</span>}
                <button type="button" className="button small" data-testid="village-place" onClick={() => p.onPlace(v.code)}>
                  {v.lng === null ? t('villages.place') : t('villages.move')}
                </button>
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
