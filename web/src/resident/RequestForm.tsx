import { useState } from 'react';
import { unwrap } from '../lib/api';
import { publicClient as client } from '../requests/public-client';
import { REQUEST_SERVICES, rt, serviceName, type Lang } from '../requests/request-i18n';

export interface RequestPlace { lng: number; lat: number; approximate: boolean; villageCode?: string; label: string }

/** 群众点单: the resident's request form, under the results; the place is the one chosen on the page. */
export function RequestForm({ lang, place }: { lang: Lang; place: RequestPlace | null }) {
  const [service, setService] = useState<(typeof REQUEST_SERVICES)[number]>('theory');
  const [description, setDescription] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ trackingCode: string; outsideCircle: boolean | null; approximate: boolean; siteName: string | null } | null>(null);
  // An approximate place chosen as a village is sent as the village: the server gives no verdict for it.
  const byVillage = !!place && place.approximate && !!place.villageCode;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!place) return;
    setSending(true);
    setError(null);
    try {
      const where = byVillage ? { villageCode: place.villageCode! } : { lng: place.lng, lat: place.lat };
      setResult(await unwrap(await client.api.requests.$post({ json: { service, description, name, phone, ...where } })));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSending(false);
    }
  }

  if (result) {
    const link = `${location.origin}${location.pathname}?track=${result.trackingCode}`;
    return (
      <section className="request-form" data-testid="request-done">
        <h2>{rt(lang, 'req.title')}</h2>
        <p>{rt(lang, 'req.done')} <strong className="tracking-code" data-testid="tracking-code">{result.trackingCode}</strong></p>
        {result.siteName && <p>{rt(lang, 'req.routed', { site: result.siteName })}</p>}
        {result.outsideCircle === true && <div className="notice warn" data-testid="request-outside">{rt(lang, 'req.outside')}</div>}
        {result.approximate && <div className="notice warn" data-testid="request-approximate">{rt(lang, 'req.approx')}</div>}
        <p className="muted small">{rt(lang, 'req.keep')} <a href={link} data-testid="tracking-link">{link}</a></p>
      </section>
    );
  }
  return (
    <form className="request-form" data-testid="request-form" onSubmit={submit}>
      <h2>{rt(lang, 'req.title')}</h2>
      <p className="muted small">{rt(lang, 'req.intro')}</p>
      <label>{rt(lang, 'req.service')}
        <select value={service} onChange={(e) => setService(e.target.value as typeof service)} data-testid="request-service">
          {REQUEST_SERVICES.map((s) => <option key={s} value={s}>{serviceName(lang, s)}</option>)}
        </select>
      </label>
      <label>{rt(lang, 'req.description')}
        <textarea value={description} maxLength={500} required rows={3} onChange={(e) => setDescription(e.target.value)} data-testid="request-description" />
      </label>
      <label>{rt(lang, 'req.name')}<input value={name} maxLength={40} required onChange={(e) => setName(e.target.value)} data-testid="request-name" /></label>
      <label>{rt(lang, 'req.phone')}<input value={phone} type="tel" required pattern="\+?[0-9][0-9 \-]{5,18}[0-9]" onChange={(e) => setPhone(e.target.value)} data-testid="request-phone" /></label>
      <p className="small" data-testid="request-place">
        {rt(lang, 'req.place')}: {!place ? rt(lang, 'req.placeNone') : byVillage ? rt(lang, 'req.placeVillage', { name: place.label }) : `${place.label} (${place.lng.toFixed(5)}, ${place.lat.toFixed(5)})`}
      </p>
      {error && <div className="notice bad" data-testid="request-error">{error}</div>}
      <button type="submit" className="primary" disabled={!place || sending} data-testid="request-submit">{sending ? rt(lang, 'req.sending') : rt(lang, 'req.submit')}</button>
    </form>
  );
}
