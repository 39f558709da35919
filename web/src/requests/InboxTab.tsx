import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { Map as MapLibreMap, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import { useMapOverlay } from '../map/map-overlays';
import type { InferResponseType } from 'hono/client';
import { client, unwrap } from '../lib/api';
import { keys, queryClient } from '../lib/queries';
import type { I18nKey } from '../lib/i18n';
import { REQUEST_SERVICES, rt, serviceName, statusName, type Lang } from './request-i18n';
import { monthRange, RequestStats } from './RequestStats';

type InboxRequest = InferResponseType<typeof client.api.requests.$get, 200>['requests'][number];
type Team = { id: string; name: string; level: string };
type Action = 'dispatch' | 'accept' | 'decline' | 'done' | 'pass-up' | 'cancel';

const STATUSES = ['', 'submitted', 'passed_up', 'declined', 'dispatched', 'accepted', 'done', 'rated', 'cancelled', 'expired'] as const;
/** The inbox's groups, in the order a clerk works through them. */
const GROUPS: { id: string; statuses: string[] }[] = [
  { id: 'toDispatch', statuses: ['submitted', 'passed_up', 'declined'] },
  { id: 'toAccept', statuses: ['dispatched'] },
  { id: 'inProgress', statuses: ['accepted'] },
  { id: 'finished', statuses: ['done', 'rated'] },
  { id: 'closed', statuses: ['cancelled', 'expired'] },
];
const SOURCE = 'service-requests';
const SOON_MS = 6 * 3_600_000;

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

const when = (lang: Lang, iso: string) => new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** 派单: the dispatchers' (and planners') inbox, grouped by status: dispatch to a team, accept, decline, done, pass up, cancel; monthly stats. */
export function InboxTab({ lang, map, planner, notifyError }: { lang: Lang; map: MapLibreMap | null; planner: boolean; notifyError(e: unknown): void }) {
  const [status, setStatus] = useState<string>('');
  const [month, setMonth] = useState('');
  const [service, setService] = useState('');
  const [teamOf, setTeamOf] = useState<Record<string, string>>({});
  const [onMap, setOnMap] = useState<{ total: number; outside: number } | null>(null);
  const filters = useMemo(() => ({ ...(status ? { status } : {}), ...(service ? { service } : {}), ...monthRange(month) }), [status, service, month]);
  const requestsQ = useQuery({
    queryKey: keys.requestList(filters),
    queryFn: async (): Promise<InboxRequest[]> => (await unwrap(await client.api.requests.$get({ query: filters }))).requests,
    placeholderData: keepPreviousData,
  });
  const requests = requestsQ.data ?? null;
  useEffect(() => {
    if (requestsQ.error) notifyError(requestsQ.error);
  }, [requestsQ.error, notifyError]);
  // Without the teams list the request is dispatched without a team, as before.
  const teams: Team[] = useQuery({ queryKey: keys.teams, queryFn: async () => (await unwrap(await client.api.teams.$get())).teams }).data ?? [];

  const actM = useMutation({
    mutationFn: async ({ r, action, text }: { r: InboxRequest; action: Action; text: string }) => {
      const id = { param: { id: r.id } };
      if (action === 'dispatch') await unwrap(await client.api.requests[':id'].dispatch.$post({ ...id, json: teamOf[r.id] ? { teamId: teamOf[r.id] } : {} }));
      if (action === 'accept') await unwrap(await client.api.requests[':id'].accept.$post({ ...id, json: {} }));
      if (action === 'cancel') await unwrap(await client.api.requests[':id'].cancel.$post({ ...id, json: {} }));
      if (action === 'done') await unwrap(await client.api.requests[':id'].done.$post({ ...id, json: { note: text } }));
      if (action === 'decline') await unwrap(await client.api.requests[':id'].decline.$post({ ...id, json: { reason: text } }));
      if (action === 'pass-up') await unwrap(await client.api.requests[':id']['pass-up'].$post({ ...id, json: { reason: text } }));
    },
    onError: notifyError,
    // Failed or not, the lists and statistics refetch: another clerk may have moved the request meanwhile.
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.requests }),
  });
  const busy = actM.isPending ? actM.variables.r.id : null;
  function act(r: InboxRequest, action: Action) {
    let text = '';
    if (action === 'decline' || action === 'pass-up' || action === 'done') {
      const answer = window.prompt(rt(lang, action === 'done' ? 'inbox.note' : 'inbox.reason'));
      if (answer === null) return;
      text = answer;
    }
    actM.mutate({ r, action, text });
  }
  // The request layer is a declared overlay (mounted by <MapOverlays>) while this tab is open.
  const [mapData, setMapData] = useState<GeoJSONSourceSpecification['data'] | null>(null);
  useMapOverlay(useMemo(() => (mapData ? { id: 'service-requests', sources: { [SOURCE]: mapData }, layers: requestLayers() } : null), [mapData]));
  async function showOnMap() {
    if (!map) return;
    try {
      const layer = await unwrap(await client.api.requests.map.$get({ query: filters }));
      setMapData(layer as GeoJSONSourceSpecification['data']);
      setOnMap({ total: layer.total, outside: layer.outsideCircle });
    } catch (e) { notifyError(e); }
  }
  const canDispatch = (s: string) => s === 'submitted' || s === 'passed_up' || s === 'declined';
  const dueClass = (r: InboxRequest) => (r.overdue ? 'due overdue' : r.dueAt && Date.parse(r.dueAt) - Date.now() < SOON_MS ? 'due soon' : 'due');

  const card = (r: InboxRequest) => (
    <li key={r.id} className={`inbox-card status-${r.status}${r.overdue ? ' is-overdue' : ''}`} data-testid="inbox-item" data-status={r.status} data-id={r.id}>
      <div className="inbox-card-head">
        <span className={`req-chip req-chip-${r.status}`} data-testid="inbox-item-status">{statusName(lang, r.status)}</span>
        <strong>{serviceName(lang, r.service)}</strong>
        {r.overdue && <span className="req-chip req-chip-overdue">{rt(lang, 'track.overdue')}</span>}
        {r.outsideCircle === true && <span className="req-chip req-chip-outside">{rt(lang, 'inbox.outside')}</span>}
        {r.approximate && <span className="req-chip">{rt(lang, 'inbox.approx')}</span>}
      </div>
      <p className="inbox-desc">{r.description}</p>
      <dl className="inbox-facts small">
        <dt>{rt(lang, 'inbox.place')}</dt><dd>{[r.townshipName, r.siteName, r.teamName].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>{rt(lang, 'inbox.submitted')}</dt><dd>{when(lang, r.submittedAt)}</dd>
        {r.dueAt && <><dt>{rt(lang, 'track.due')}</dt><dd className={dueClass(r)} data-testid="inbox-due">{when(lang, r.dueAt)}</dd></>}
        <dt>{rt(lang, 'inbox.contact')}</dt><dd>{r.contactErased ? rt(lang, 'inbox.erased') : `${r.contactName ?? '—'} ${r.phone ?? ''}`}</dd>
        {r.reason && <><dt>{rt(lang, 'inbox.reasonLabel')}</dt><dd>{r.reason}</dd></>}
        {r.note && <><dt>{rt(lang, 'track.note')}</dt><dd>{r.note}</dd></>}
      </dl>
      <div className="inbox-actions">
        {canDispatch(r.status) && (
          <>
            <select value={teamOf[r.id] ?? ''} onChange={(e) => setTeamOf({ ...teamOf, [r.id]: e.target.value })} data-testid="inbox-team" aria-label={rt(lang, 'inbox.team')}>
              <option value="">{rt(lang, 'inbox.teamNone')}</option>
              {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
            <button type="button" className="button small primary" disabled={busy === r.id} onClick={() => act(r, 'dispatch')} data-testid="inbox-dispatch">{rt(lang, 'inbox.dispatch')}</button>
            <button type="button" className="button small" disabled={busy === r.id} onClick={() => act(r, 'pass-up')} data-testid="inbox-pass-up">{rt(lang, 'inbox.passUp')}</button>
          </>
        )}
        {r.status === 'dispatched' && (
          <>
            <button type="button" className="button small primary" disabled={busy === r.id} onClick={() => act(r, 'accept')} data-testid="inbox-accept">{rt(lang, 'inbox.accept')}</button>
            <button type="button" className="button small" disabled={busy === r.id} onClick={() => act(r, 'decline')} data-testid="inbox-decline">{rt(lang, 'inbox.decline')}</button>
          </>
        )}
        {r.status === 'accepted' && <button type="button" className="button small primary" disabled={busy === r.id} onClick={() => act(r, 'done')} data-testid="inbox-done">{rt(lang, 'inbox.doneBtn')}</button>}
        {['submitted', 'dispatched', 'declined', 'passed_up', 'accepted'].includes(r.status) && (
          <button type="button" className="button small subtle danger" disabled={busy === r.id} onClick={() => act(r, 'cancel')} data-testid="inbox-cancel">{rt(lang, 'inbox.cancel')}</button>
        )}
      </div>
    </li>
  );

  return (
    <div className="inbox" data-testid="inbox">
      <h2>{rt(lang, 'inbox.title')}</h2>
      <div className="inbox-toolbar">
        <label className="small">{rt(lang, 'inbox.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="inbox-status">
            {STATUSES.map((s) => <option key={s} value={s}>{s ? statusName(lang, s) : rt(lang, 'inbox.all')}</option>)}
          </select>
        </label>
        <label className="small">{rt(lang, 'inbox.service')}{' '}
          <select value={service} onChange={(e) => setService(e.target.value)} data-testid="inbox-service">
            <option value="">{rt(lang, 'inbox.all')}</option>
            {REQUEST_SERVICES.map((s) => <option key={s} value={s}>{serviceName(lang, s)}</option>)}
          </select>
        </label>
        <label className="small">{rt(lang, 'inbox.month')}{' '}
          <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} data-testid="inbox-month" />
        </label>
        {planner && <button type="button" className="button small" onClick={() => void showOnMap()} data-testid="inbox-map">{rt(lang, 'inbox.showOnMap')}</button>}
      </div>
      {onMap && (
        <p className="small" data-testid="inbox-map-info">
          {rt(lang, 'inbox.mapInfo', { n: String(onMap.total), outside: String(onMap.outside), pct: onMap.total ? `${Math.round((100 * onMap.outside) / onMap.total)}%` : '—' })}
        </p>
      )}
      {requests?.length === 0 && <p className="muted">{rt(lang, 'inbox.empty')}</p>}
      {GROUPS.map((g) => {
        const items = (requests ?? []).filter((r) => g.statuses.includes(r.status));
        if (!items.length) return null;
        const overdue = items.filter((r) => r.overdue).length;
        return (
          <section key={g.id} className={`inbox-group group-${g.id}`} data-testid={`inbox-group-${g.id}`}>
            <h3>{rt(lang, `inbox.group.${g.id}` as I18nKey)} <span className="count">{items.length}</span>
              {overdue > 0 && <span className="req-chip req-chip-overdue">{rt(lang, 'inbox.overdueN', { n: String(overdue) })}</span>}</h3>
            <ul className="inbox-list">{items.map(card)}</ul>
          </section>
        );
      })}
      {planner && <RequestStats month={month} canExport={planner} />}
    </div>
  );
}
