import type { ReactNode } from 'react';
import { SITE_KINDS, SITE_STATUSES, VENUE_TYPES } from '../../../api/src/schemas/sites';
import { ApiRequestError, type Township, type Village } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { errorText, issueText } from '../lib/issue-text';
import { kindName, townshipLabel } from '../lib/names';
import { KindSwatch } from './KindSwatch';
import type { NewSiteDraft, NewSiteState } from './use-new-site';

interface Props {
  state: NewSiteState & { draft: NewSiteDraft };
  townships: readonly Township[];
  villages: readonly Village[];
}

/** The "新增站点" form: kind, name, township/village, status, demonstration, venue type; then place on the map or save unplaced. */
export function NewSiteForm({ state, townships, villages }: Props) {
  const { t, lang } = useI18n();
  const { draft, setDraft, error, saving, placing } = state;
  const set = <K extends keyof NewSiteDraft>(k: K, v: NewSiteDraft[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d));
  const issues = error instanceof ApiRequestError ? error.issues : [];
  const fieldError = (...fields: string[]) =>
    issues.filter((i) => fields.includes(String(i.path[0]))).map((i) => issueText(i, lang)).join('; ');
  const townshipName = (code: string) => {
    const tw = townships.find((x) => x.code === code);
    return tw ? (townshipLabel(tw, lang)) : code;
  };
  const locationError = fieldError('lng', 'lat');
  // A refused point is explained next to the location; the box below then only repeats other problems.
  const otherIssues = issues.filter((i) => i.path[0] !== 'lng' && i.path[0] !== 'lat');
  const showErrorBox = error !== null && (issues.length === 0 || otherIssues.length > 0);
  const villageOptions = villages.filter((v) => !draft.townshipCode || v.townshipCode === draft.townshipCode);
  const byTownship = townships
    .map((tw) => ({ tw, villages: villageOptions.filter((v) => v.townshipCode === tw.code) }))
    .filter((g) => g.villages.length > 0);

  const field = (name: string, label: string, control: ReactNode, err = fieldError(name)) => (
    <label className={`field${err ? ' invalid' : ''}`}>
      <span className="field-label">{label}</span>
      {control}
      {err && <span className="field-error">{err}</span>}
    </label>
  );

  return (
    <form
      className="site-panel new-site-form"
      data-testid="new-site-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!placing) state.startPlacing();
      }}
    >
      <div className="site-panel-head">
        <KindSwatch kind={draft.kind} hollow={draft.status !== 'existing'} />
        <div className="site-panel-title">
          <h2>{t('newSite.title')}</h2>
          <span className="muted small">{kindName(draft.kind, lang)}</span>
        </div>
        <button type="button" className="icon-button" aria-label={t('panel.close')} data-testid="new-site-close" onClick={state.close}>
          ×
        </button>
      </div>

      <div className="site-panel-body">
        {field(
          'kind',
          t('site.kind'),
          <select data-testid="new-site-kind" value={draft.kind} onChange={(e) => set('kind', e.target.value as NewSiteDraft['kind'])}>
            {SITE_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindName(k, lang)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'name',
          t('site.name'),
          <input
            type="text"
            data-testid="new-site-name"
            value={draft.name}
            autoFocus
            placeholder={t('newSite.namePlaceholder')}
            onChange={(e) => set('name', e.target.value)}
          />,
        )}
        {draft.kind === 'volunteer_site' &&
          field(
            'venueType',
            t('newSite.venueType'),
            <select data-testid="new-site-venueType" value={draft.venueType} onChange={(e) => set('venueType', e.target.value as NewSiteDraft['venueType'])}>
              <option value="">{t('newSite.venueUnset')}</option>
              {VENUE_TYPES.map((v) => (
                <option key={v} value={v}>
                  {t(`venue.${v}`)}
                </option>
              ))}
            </select>,
          )}
        <div className="field-pair">
          {field(
            'townshipCode',
            t('site.township'),
            <select
              data-testid="new-site-township"
              value={draft.townshipCode}
              onChange={(e) => {
                const code = e.target.value;
                setDraft((d) => (d ? { ...d, townshipCode: code, villageCode: code && !d.villageCode.startsWith(code) ? '' : d.villageCode } : d));
              }}
            >
              <option value="">{t('newSite.townshipAuto')}</option>
              {townships.map((tw) => (
                <option key={tw.code} value={tw.code}>
                  {townshipLabel(tw, lang)}
                </option>
              ))}
            </select>,
          )}
          {field(
            'villageCode',
            t('site.village'),
            <select data-testid="new-site-village" value={draft.villageCode} onChange={(e) => set('villageCode', e.target.value)}>
              <option value="">{t('site.none')}</option>
              {byTownship.map((g) =>
                draft.townshipCode ? (
                  g.villages.map((v) => (
                    <option key={v.code} value={v.code} title={v.name}>
                      {v.shortName || v.name}
                    </option>
                  ))
                ) : (
                  <optgroup key={g.tw.code} label={townshipName(g.tw.code)}>
                    {g.villages.map((v) => (
                      <option key={v.code} value={v.code} title={v.name}>
                        {v.shortName || v.name}
                      </option>
                    ))}
                  </optgroup>
                ),
              )}
            </select>,
          )}
        </div>
        <p className="muted small new-site-hint">{t('newSite.townshipHint')}</p>
        <div className="field-pair">
          {field(
            'status',
            t('site.status'),
            <select data-testid="new-site-status" value={draft.status} onChange={(e) => set('status', e.target.value as NewSiteDraft['status'])}>
              {SITE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>,
          )}
          <label className="check-row new-site-demo">
            <input type="checkbox" data-testid="new-site-demonstration" checked={draft.demonstration} onChange={(e) => set('demonstration', e.target.checked)} />
            <span>{t('site.demonstration')}</span>
          </label>
        </div>

        <section className={`location-box${locationError ? ' invalid' : ''}`}>
          <div className="field-label">{t('site.location')}</div>
          <p className="small">{placing ? t('newSite.placingHint') : t('newSite.placeHint')}</p>
          {locationError && (
            <p className="field-error" role="alert" data-testid="new-site-location-error">
              <strong>{t('newSite.locationRefused')}</strong>
              <span className="api-message">{locationError}</span>
            </p>
          )}
        </section>
        <p className="muted small">{t('newSite.moreLater')}</p>
      </div>

      {error && showErrorBox && (
        <div className="form-error" role="alert" data-testid="new-site-error">
          <strong>{t('newSite.error')}：</strong>
          {errorText(error, lang)}
          {otherIssues.length > 0 && (
            <ul>
              {otherIssues.map((i, n) => (
                <li key={n}>
                  <code>{i.path.join('.') || '—'}</code> {issueText(i, lang)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="site-panel-foot">
        <button type="button" className="button subtle" data-testid="new-site-cancel" onClick={state.close}>
          {t('newSite.cancel')}
        </button>
        <button type="button" className="button" data-testid="new-site-unplaced" disabled={saving} onClick={() => void state.save()}>
          {t('newSite.saveUnplaced')}
        </button>
        {placing ? (
          <button type="button" className="button primary active" data-testid="new-site-place" onClick={state.stopPlacing}>
            {saving ? t('newSite.saving') : t('newSite.placingButton')}
          </button>
        ) : (
          <button type="submit" className="button primary" data-testid="new-site-place" disabled={saving}>
            {t('newSite.place')}
          </button>
        )}
      </div>
    </form>
  );
}
