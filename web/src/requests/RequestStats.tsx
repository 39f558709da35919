import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { client, unwrap } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { useAbilities } from '../auth/session';
import { keys } from '../lib/queries';

type Stats = InferResponseType<typeof client.api.requests.stats.$get, 200>;
type Row = Stats['townships'][number] | Stats['sites'][number];

const hours = (h: number | null) => (h === null ? '—' : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} d`);
const share = (part: number, whole: number) => (whole > 0 ? `${Math.round((100 * part) / whole)}%` : '—');

/** Month (YYYY-MM) → the inclusive date range the request list and map take. */
export function monthRange(month: string): { from: string; to: string } | Record<string, never> {
  if (!/^\d{4}-\d{2}$/.test(month)) return {};
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * 平台运营 figures for leaders and planners: per township (or per site) and month, requests, done, average stars,
 * overdue, the share from outside every circle and the mean hours to acceptance and completion; CSV/XLSX downloads.
 */
export function RequestStats({ month, canExport }: { month: string; canExport: boolean }) {
  const { t } = useI18n();
  const [bySite, setBySite] = useState(false);
  const statsQ = useQuery({
    queryKey: keys.requestStats(month),
    queryFn: async (): Promise<Stats> => unwrap(await client.api.requests.stats.$get({ query: month ? { month } : {} })),
    placeholderData: keepPreviousData,
  });
  const stats = statsQ.data ?? null, error = statsQ.isError;
  const rows: Row[] = stats ? (bySite ? stats.sites : stats.townships) : [];
  const name = (r: Row) => ('siteId' in r ? r.siteName : r.townshipName) ?? '—';
  const range = new URLSearchParams(monthRange(month)).toString();
  return (
    <section className="request-stats" data-testid="request-stats">
      <div className="request-stats-head">
        <h3>{t(bySite ? 'reqStats.titleSites' : 'inbox.stats')}</h3>
        <div className="segmented" role="radiogroup">
          <button type="button" role="radio" aria-checked={!bySite} className={bySite ? '' : 'on'} onClick={() => setBySite(false)} data-testid="stats-by-township">{t('reqStats.byTownship')}</button>
          <button type="button" role="radio" aria-checked={bySite} className={bySite ? 'on' : ''} onClick={() => setBySite(true)} data-testid="stats-by-site">{t('reqStats.bySite')}</button>
        </div>
      </div>
      {error && <p className="field-error">{t('reqStats.error')}</p>}
      {stats && rows.length === 0 && <p className="muted small">{t('inbox.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="township-table small" data-testid={bySite ? 'inbox-stats-sites' : 'inbox-stats'}>
            <thead><tr>
              <th>{t('reqStats.month')}</th><th>{t(bySite ? 'reqStats.site' : 'leaders.township')}</th><th className="num">{t('inbox.requests')}</th>
              <th className="num">{t('inbox.doneCount')}</th><th className="num">{t('inbox.stars')}</th><th className="num">{t('inbox.overdueCount')}</th>
              <th className="num">{t('reqStats.outsideShare')}</th><th className="num">{t('reqStats.toAccept')}</th><th className="num">{t('reqStats.toDone')}</th>
            </tr></thead>
            <tbody>{rows.map((r) => (
              <tr key={`${r.month}-${'siteId' in r ? r.siteId : r.townshipCode}`} data-testid="stats-row">
                <td>{r.month}</td><td>{name(r)}</td><td className="num">{r.requests}</td>
                <td className="num">{r.done} <span className="muted">({share(r.done, r.requests)})</span></td>
                <td className="num">{r.averageStars === null ? '—' : `${r.averageStars.toFixed(1)} ★`}</td>
                <td className={`num${r.overdue ? ' bad' : ''}`}>{r.overdue}</td>
                <td className="num">{share(r.outsideCircle, r.requests)}</td>
                <td className="num">{hours(r.hoursToAccept)}</td><td className="num">{hours(r.hoursToDone)}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
      <p className="muted small">{t('reqStats.note')}</p>
      {canExport && (
        <p className="request-export small">
          {t('reqStats.export')}{' '}
          <a className="button small" href={`/api/requests/export.csv${range ? `?${range}` : ''}`} download data-testid="requests-export-csv">CSV</a>{' '}
          <a className="button small" href={`/api/requests/export.xlsx${range ? `?${range}` : ''}`} download data-testid="requests-export-xlsx">XLSX</a>
          <span className="muted"> {t('reqStats.exportMasked')}</span>
        </p>
      )}
    </section>
  );
}

/** The 评估 tab's 平台运营 section: the request statistics by month, for leaders (viewers) as for planners. */
export function LeaderRequestStats() {
  const { t } = useI18n();
  const { role } = useAbilities();
  const [month, setMonth] = useState('');
  return (
    <div className="panel-section" data-testid="leaders-requests">
      <label className="small">{t('inbox.month')}{' '}
        <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} data-testid="leaders-requests-month" />
      </label>
      <RequestStats month={month} canExport={role === 'admin' || role === 'planner' || role === 'viewer'} />
    </div>
  );
}
