import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Map as MapLibreMap, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import { useMapOverlay } from '../map/map-overlays';
import type { InferResponseType } from 'hono/client';
import { client, unwrap } from '../lib/api';
import { rt, serviceName, statusName, type Lang } from './request-i18n';

type InboxRequest = InferResponseType<typeof client.api.requests.$get, 200>['requests'][number];
type Stats = InferResponseType<typeof client.api.requests.stats.$get, 200>['townships'];
type Team = { id: string; name: string; level: string };

const STATUSES = ['', 'submitted', 'passed_up', 'declined', 'dispatched', 'accepted', 'done', 'rated', 'cancelled', 'expired'] as const;
const SOURCE = 'service-requests';

/** The planners' request layers: points (red outside every circle) over a heat layer, on source `service-requests`. */
export function requestLayers(): LayerSpecification[] {
  return [
    { id: `${SOURCE}-heat`, type: 'heatmap', source: SOURCE, paint: { 'heatmap-radius': 24, 'heatmap-opacity': 0.5 } },
    { id: `${SOURCE}-points`, type: 'circle', source: SOURCE, paint: {
      'circle-radius': 5, 'circle-stroke-width': 1, 'circle-stroke-color': '#fff',
      'circle-color': ['case', ['==', ['get', 'outsideCircle'], true], '#d7301f', '#1f78b4'],
    } },
  ];
}

/** 派单: the dispatchers' (and planners') inbox: filter, dispatch to a team, accept, decline, done, pass up, cancel; monthly stats. */
export function InboxTab({ lang, map, planner, notifyError }: { lang: Lang; map: MapLibreMap | null; planner: boolean; notifyError(e: unknown): void }) {
  const [status, setStatus] = useState<string>('');
  const [requests, setRequests] = useState<InboxRequest[] | null>(null);
  const [teams, setTeams] = useState<Team[]>([]);
  const [teamOf, setTeamOf] = useState<Record<string, string>>({});
  const [stats, setStats] = useState<Stats>([]);
  const reload = useCallback(async () => {
    try {
      const r = await unwrap(await client.api.requests.$get({ query: status ? { status } : {} }));
      setRequests(r.requests);
      if (planner) setStats((await unwrap(await client.api.requests.stats.$get({ query: {} }))).townships);
    } catch (e) { notifyError(e); }
  }, [status, planner, notifyError]);
  useEffect(() => { void reload(); }, [reload]);
  useEffect(() => { void client.api.teams.$get().then((r) => unwrap(r)).then((r) => setTeams((r as { teams: Team[] }).teams)).catch(() => {}); }, []);

  async function act(r: InboxRequest, action: 'dispatch' | 'accept' | 'decline' | 'done' | 'pass-up' | 'cancel') {
    try {
      const id = { param: { id: r.id } };
      const ask = () => window.prompt(rt(lang, action === 'done' ? 'inbox.note' : 'inbox.reason')) ?? null;
      if (action === 'dispatch') await unwrap(await client.api.requests[':id'].dispatch.$post({ ...id, json: teamOf[r.id] ? { teamId: teamOf[r.id] } : {} }));
      if (action === 'accept') await unwrap(await client.api.requests[':id'].accept.$post({ ...id, json: {} }));
      if (action === 'cancel') await unwrap(await client.api.requests[':id'].cancel.$post({ ...id, json: {} }));
      if (action === 'decline' || action === 'pass-up' || action === 'done') {
        const text = ask();
        if (text === null) return;
        if (action === 'done') await unwrap(await client.api.requests[':id'].done.$post({ ...id, json: { note: text } }));
        else if (action === 'decline') await unwrap(await client.api.requests[':id'].decline.$post({ ...id, json: { reason: text } }));
        else await unwrap(await client.api.requests[':id']['pass-up'].$post({ ...id, json: { reason: text } }));
      }
    } catch (e) { notifyError(e); }
    await reload();
  }
  // The request layer is a declared overlay (mounted by <MapOverlays>) while this tab is open.
  const [mapData, setMapData] = useState<GeoJSONSourceSpecification['data'] | null>(null);
  useMapOverlay(useMemo(() => (mapData ? { id: 'service-requests', sources: { [SOURCE]: mapData }, layers: requestLayers() } : null), [mapData]));
  async function showOnMap() {
    if (!map) return;
    try { setMapData((await unwrap(await client.api.requests.map.$get({ query: status ? { status } : {} }))) as GeoJSONSourceSpecification['data']); } catch (e) { notifyError(e); }
  }
  const canDispatch = (s: string) => s === 'submitted' || s === 'passed_up' || s === 'declined';
  return (
    <div className="inbox" data-testid="inbox">
      <h2>{rt(lang, 'inbox.title')}</h2>
      <div className="row">
        <label>{rt(lang, 'inbox.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="inbox-status">
            {STATUSES.map((s) => <option key={s} value={s}>{s ? statusName(lang, s) : rt(lang, 'inbox.all')}</option>)}
          </select>
        </label>
        {planner && <button type="button" onClick={() => void showOnMap()} data-testid="inbox-map">{rt(lang, 'inbox.showOnMap')}</button>}
      </div>
      {requests?.length === 0 && <p className="muted">{rt(lang, 'inbox.empty')}</p>}
      <ul className="inbox-list">
        {requests?.map((r) => (
          <li key={r.id} data-testid="inbox-item" data-status={r.status} data-id={r.id}>
            <div><strong>{serviceName(lang, r.service)}</strong> · <span data-testid="inbox-item-status">{statusName(lang, r.status)}</span>
              {r.overdue && <span className="badge warn">{rt(lang, 'track.overdue')}</span>}
              {r.outsideCircle === true && <span className="badge warn">{rt(lang, 'inbox.outside')}</span>}
              {r.approximate && <span className="badge">{rt(lang, 'inbox.approx')}</span>}</div>
            <div className="small">{r.description}</div>
            <div className="small muted">{r.townshipName ?? ''} · {r.siteName ?? ''}{r.teamName ? ` · ${r.teamName}` : ''} · {new Date(r.submittedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN')}
              {r.dueAt ? ` · ${rt(lang, 'track.due')} ${new Date(r.dueAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN')}` : ''}</div>
            <div className="small">{rt(lang, 'inbox.contact')}: {r.contactName ?? '—'} {r.phone ?? ''}</div>
            {r.reason && <div className="small muted">{r.reason}</div>}
            <div className="row">
              {canDispatch(r.status) && (
                <>
                  <select value={teamOf[r.id] ?? ''} onChange={(e) => setTeamOf({ ...teamOf, [r.id]: e.target.value })} data-testid="inbox-team" aria-label={rt(lang, 'inbox.team')}>
                    <option value="">{rt(lang, 'inbox.team')}</option>
                    {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
                  </select>
                  <button type="button" onClick={() => void act(r, 'dispatch')} data-testid="inbox-dispatch">{rt(lang, 'inbox.dispatch')}</button>
                  <button type="button" onClick={() => void act(r, 'pass-up')} data-testid="inbox-pass-up">{rt(lang, 'inbox.passUp')}</button>
                </>
              )}
              {r.status === 'dispatched' && (
                <>
                  <button type="button" onClick={() => void act(r, 'accept')} data-testid="inbox-accept">{rt(lang, 'inbox.accept')}</button>
                  <button type="button" onClick={() => void act(r, 'decline')} data-testid="inbox-decline">{rt(lang, 'inbox.decline')}</button>
                </>
              )}
              {r.status === 'accepted' && <button type="button" onClick={() => void act(r, 'done')} data-testid="inbox-done">{rt(lang, 'inbox.doneBtn')}</button>}
              {['submitted', 'dispatched', 'declined', 'passed_up', 'accepted'].includes(r.status) && (
                <button type="button" className="link" onClick={() => void act(r, 'cancel')} data-testid="inbox-cancel">{rt(lang, 'inbox.cancel')}</button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {planner && stats.length > 0 && (
        <>
          <h3>{rt(lang, 'inbox.stats')}</h3>
          <table className="table small" data-testid="inbox-stats">
            <thead><tr><th /><th /><th>{rt(lang, 'inbox.requests')}</th><th>{rt(lang, 'inbox.doneCount')}</th><th>{rt(lang, 'inbox.stars')}</th><th>{rt(lang, 'inbox.overdueCount')}</th><th>{rt(lang, 'inbox.outsideCount')}</th></tr></thead>
            <tbody>{stats.map((s) => (
              <tr key={`${s.month}-${s.townshipCode}`}><td>{s.month}</td><td>{s.townshipName ?? '—'}</td><td className="num">{s.requests}</td><td className="num">{s.done}</td>
                <td className="num">{s.averageStars ?? '—'}</td><td className="num">{s.overdue}</td><td className="num">{s.outsideCircle}</td></tr>
            ))}</tbody>
          </table>
        </>
      )}
    </div>
  );
}
