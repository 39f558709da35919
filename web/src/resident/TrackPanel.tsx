import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { unwrap } from '../lib/api';
import { publicClient as client } from '../requests/public-client';
import { keys, queryClient } from '../lib/queries';
import { rt, serviceName, statusName, type Lang } from '../requests/request-i18n';

type Tracked = InferResponseType<(typeof client.api.requests.track)[':trackingCode']['$get'], 200>;

/** 评单: follow a request by its tracking code (from `?track=` or typed), and rate it once done. */
export function TrackPanel({ lang }: { lang: Lang }) {
  const [code, setCode] = useState(() => new URLSearchParams(location.search).get('track') ?? '');
  // The code looked up: the one from the link at first, then each one submitted.
  const [looked, setLooked] = useState(() => code.trim().toUpperCase());
  const [stars, setStars] = useState(5);
  const [comment, setComment] = useState('');
  const trackQ = useQuery({
    queryKey: keys.tracked(looked),
    queryFn: async (): Promise<Tracked> => unwrap(await client.api.requests.track[':trackingCode'].$get({ param: { trackingCode: looked } })),
    enabled: looked !== '',
  });
  const tracked = trackQ.isError ? null : (trackQ.data ?? null);
  const rating = useMutation({
    mutationFn: async (t: Tracked) => unwrap(await client.api.requests.track[':trackingCode'].rating.$post({ param: { trackingCode: t.trackingCode }, json: { stars, comment } })),
    onSuccess: (t) => queryClient.setQueryData(keys.tracked(t.trackingCode), t),
  });
  function look(c: string) {
    const next = c.trim().toUpperCase();
    rating.reset();
    if (next === looked) void trackQ.refetch();
    else setLooked(next);
  }
  function rate(e: React.FormEvent) {
    e.preventDefault();
    if (tracked) rating.mutate(tracked);
  }
  const failure = rating.error ?? trackQ.error;
  const error = failure ? (failure instanceof Error ? failure.message : String(failure)) : null;
  const when = (s: string | null) => (s ? new Date(s).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN') : '');
  return (
    <section className="request-form" data-testid="track-panel">
      <h2>{rt(lang, 'track.title')}</h2>
      <form className="row" onSubmit={(e) => { e.preventDefault(); look(code); }}>
        <input value={code} placeholder={rt(lang, 'track.code')} maxLength={10} onChange={(e) => setCode(e.target.value)} data-testid="track-code" />
        <button type="submit">{rt(lang, 'track.go')}</button>
      </form>
      {error && <div className="notice bad">{error}</div>}
      {tracked && (
        <div data-testid="track-result" data-status={tracked.status}>
          <p><strong>{rt(lang, 'track.status')}:</strong> <span data-testid="track-status">{statusName(lang, tracked.status)}</span>
            {tracked.overdue && <span className="badge warn">{rt(lang, 'track.overdue')}</span>}</p>
          <p className="small">{serviceName(lang, tracked.service)} · {tracked.description}</p>
          {tracked.siteName && <p className="small"><strong>{rt(lang, 'track.site')}:</strong> {tracked.siteName}{tracked.teamName ? ` · ${rt(lang, 'track.team')}: ${tracked.teamName}` : ''}</p>}
          {tracked.outsideCircle === true && <div className="notice warn">{rt(lang, 'req.outside')}</div>}
          {tracked.approximate && <div className="notice warn">{rt(lang, 'req.approx')}</div>}
          <ol className="small muted">
            <li>{statusName(lang, 'submitted')} {when(tracked.submittedAt)}</li>
            {tracked.dispatchedAt && <li>{statusName(lang, 'dispatched')} {when(tracked.dispatchedAt)}</li>}
            {tracked.acceptedAt && <li>{statusName(lang, 'accepted')} {when(tracked.acceptedAt)}</li>}
            {tracked.doneAt && <li>{statusName(lang, 'done')} {when(tracked.doneAt)}{tracked.note ? ` — ${tracked.note}` : ''}</li>}
            {tracked.ratedAt && <li>{statusName(lang, 'rated')} {'★'.repeat(tracked.stars ?? 0)} {tracked.ratingComment}</li>}
          </ol>
          {tracked.status === 'done' && (
            <form onSubmit={rate} data-testid="rating-form">
              <h3>{rt(lang, 'track.rate')}</h3>
              <div role="radiogroup" aria-label={rt(lang, 'track.stars')}>
                {[1, 2, 3, 4, 5].map((n) => (
                  <button key={n} type="button" className={n <= stars ? 'star on' : 'star'} aria-pressed={n <= stars} data-testid={`star-${n}`} onClick={() => setStars(n)}>★</button>
                ))}
              </div>
              <label>{rt(lang, 'track.comment')}<input value={comment} maxLength={300} onChange={(e) => setComment(e.target.value)} data-testid="rating-comment" /></label>
              <button type="submit" className="primary" data-testid="rating-submit">{rt(lang, 'track.send')}</button>
            </form>
          )}
          {tracked.status === 'rated' && <p data-testid="rating-thanks">{rt(lang, 'track.thanks')}</p>}
        </div>
      )}
    </section>
  );
}
