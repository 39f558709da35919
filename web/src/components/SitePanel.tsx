import { useEffect, useMemo, useState } from 'react';
import { beijingDateTime } from '../lib/beijing-time';
import { OPENING_HOURS_MAX, SITE_KINDS, SITE_STATUSES } from '../../../api/src/schemas/sites';
import { ApiRequestError, type SiteFeature, type SiteProps, type SiteUpdate, type Township, type Village } from '../lib/api';
import { useI18n, type I18nKey } from '../lib/i18n';
import { errorText, issueText } from '../lib/issue-text';
import { kindName, townshipLabel } from '../lib/names';
import { KindSwatch } from './KindSwatch';
import { useAbilities } from '../auth/session';
import { SiteHistory } from '../auth/SiteHistory';

const EDITABLE = [
  'name', 'kind', 'status', 'demonstration', 'townshipCode', 'villageCode', 'address', 'contact', 'phone', 'openingHours', 'notes',
  'locationPrecision', 'hasSign', 'hasStaff', 'hasActivities', 'hasProjects', 'hasRules',
] as const satisfies readonly (keyof SiteUpdate & keyof SiteProps)[];
type Draft = Pick<SiteProps, (typeof EDITABLE)[number]>;

export const WUYOU = ['hasSign', 'hasStaff', 'hasActivities', 'hasProjects', 'hasRules'] as const;

const draftOf = (p: SiteProps): Draft => Object.fromEntries(EDITABLE.map((k) => [k, p[k]])) as Draft;

/** The fields of `draft` that differ from `site`, as a PATCH body. */
export function changedFields(site: SiteProps, draft: Draft): SiteUpdate {
  const patch: Record<string, unknown> = {};
  for (const k of EDITABLE) if (draft[k] !== site[k]) patch[k] = draft[k];
  return patch as SiteUpdate;
}

interface Props {
  site: SiteFeature;
  townships: readonly Township[];
  villages: readonly Village[];
  placing: boolean;
  onSave: (id: string, patch: SiteUpdate) => Promise<void>;
  onStartPlacing: (id: string) => void;
  onUnplace: (id: string) => void;
  /** Deletes the site (DELETE /api/sites/:id); rejects with the API's error, which the panel shows. */
  onDelete: (id: string) => Promise<void>;
  onClose: () => void;
}

/** Details of one site with its 五有 checklist, editable and saved with PATCH /api/sites/:id. */
export function SitePanel({ site, townships, villages, placing, onSave, onStartPlacing, onUnplace, onDelete, onClose }: Props) {
  const { t, lang } = useI18n();
  const readOnly = !useAbilities().editSite(site.properties.townshipCode);
  const p = site.properties;
  const [draft, setDraft] = useState<Draft>(() => draftOf(p));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiRequestError | Error | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<Error | null>(null);
  useEffect(() => {
    setDraft(draftOf(p));
    setError(null);
  }, [p.id, p.updatedAt]);

  const patch = useMemo(() => changedFields(p, draft), [p, draft]);
  const dirty = Object.keys(patch).length > 0;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const issues = error instanceof ApiRequestError ? error.issues : [];
  const fieldError = (field: string) => issues.filter((i) => i.path[0] === field).map((i) => issueText(i, lang)).join('; ');
  const villageOptions = villages.filter((v) => !draft.townshipCode || v.townshipCode === draft.townshipCode);
  const wuyouCount = WUYOU.filter((k) => draft[k]).length;

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await onSave(p.id, patch);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    setDeleting(true);
    setDeleteError(null);
    try {
      await onDelete(p.id);
    } catch (e) {
      setDeleteError(e instanceof Error ? e : new Error(String(e)));
      setDeleting(false);
    }
  };

  const text = (k: 'name' | 'address' | 'contact' | 'phone' | 'openingHours', label: I18nKey, extra: { maxLength?: number; placeholder?: string } = {}) => (
    <label className={`field${fieldError(k) ? ' invalid' : ''}`}>
      <span className="field-label">{t(label)}</span>
      <input type={k === 'phone' ? 'tel' : 'text'} data-testid={`site-${k}`} value={draft[k]} onChange={(e) => set(k, e.target.value)} {...extra} />
      {fieldError(k) && <span className="field-error">{fieldError(k)}</span>}
    </label>
  );

  return (
    <div className="site-panel" data-testid="site-panel" data-site-id={p.id}>
      <div className="site-panel-head">
        <KindSwatch kind={draft.kind} hollow={draft.status !== 'existing'} />
        <div className="site-panel-title">
          <h2 data-testid="site-title">{p.name}</h2>
          <span className="muted small">
            {kindName(p.kind, lang)}
            {p.demonstration ? ` · ${t('site.demonstrationYes')}` : ''}
          </span>
        </div>
        <button type="button" className="icon-button" aria-label={t('panel.close')} data-testid="site-close" onClick={onClose}>
          ×
        </button>
      </div>

      <fieldset className="site-panel-body plain-fieldset" disabled={readOnly} data-testid="site-panel-body">
        {readOnly && <p className="muted small" data-testid="site-readonly">{t('auth.readOnly')}</p>}
        <section className="wuyou" data-testid="wuyou">
          <div className="section-head">
            <h3>{t('site.wuyou')}</h3>
            <span className={`badge${wuyouCount === 5 ? ' good' : ''}`} data-testid="wuyou-count">
              {wuyouCount}/5
            </span>
          </div>
          <div className="wuyou-grid">
            {WUYOU.map((k) => (
              <label key={k} className={`wuyou-item${draft[k] ? ' on' : ''}`}>
                <input type="checkbox" data-testid={`site-${k}`} checked={draft[k]} onChange={(e) => set(k, e.target.checked)} />
                <span>{t(`site.${k}`)}</span>
              </label>
            ))}
          </div>
        </section>

        <section className="location-box">
          <div className="field-label">{t('site.location')}</div>
          <div className="location-row">
            <span data-testid="site-coords">
              {p.lng !== null && p.lat !== null ? `${p.lng.toFixed(5)}, ${p.lat.toFixed(5)}` : t('site.unplaced')}
            </span>
            <span className="location-actions">
              <button type="button" className={`button small${placing ? ' primary' : ''}`} data-testid="site-place" onClick={() => onStartPlacing(p.id)}>
                {p.placed ? t('site.move') : t('site.place')}
              </button>
              {p.placed && (
                <button type="button" className="button small subtle" data-testid="site-unplace" onClick={() => onUnplace(p.id)}>
                  {t('site.unplace')}
                </button>
              )}
            </span>
          </div>
          {p.placed && <p className="muted small">{t('site.dragHint')}</p>}
          <label className="field inline">
            <span className="field-label">{t('site.precision')}</span>
            <select
              data-testid="site-locationPrecision"
              value={draft.locationPrecision}
              onChange={(e) => set('locationPrecision', e.target.value as Draft['locationPrecision'])}
            >
              <option value="exact">{t('site.precision.exact')}</option>
              <option value="approximate">{t('site.precision.approximate')}</option>
            </select>
          </label>
        </section>

        {text('name', 'site.name')}
        <div className="field-pair">
          <label className="field">
            <span className="field-label">{t('site.kind')}</span>
            <select data-testid="site-kind" value={draft.kind} onChange={(e) => set('kind', e.target.value as Draft['kind'])}>
              {SITE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindName(k, lang)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('site.status')}</span>
            <select data-testid="site-status" value={draft.status} onChange={(e) => set('status', e.target.value as Draft['status'])}>
              {SITE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="check-row">
          <input type="checkbox" data-testid="site-demonstration" checked={draft.demonstration} onChange={(e) => set('demonstration', e.target.checked)} />
          <span>{t('site.demonstration')}</span>
        </label>
        <div className="field-pair">
          <label className={`field${fieldError('townshipCode') ? ' invalid' : ''}`}>
            <span className="field-label">{t('site.township')}</span>
            <select
              data-testid="site-township"
              value={draft.townshipCode ?? ''}
              onChange={(e) => {
                const code = e.target.value || null;
                setDraft((d) => ({
                  ...d,
                  townshipCode: code,
                  villageCode: d.villageCode && code && !d.villageCode.startsWith(code) ? null : d.villageCode,
                }));
              }}
            >
              <option value="">{t('site.none')}</option>
              {townships.map((tw) => (
                <option key={tw.code} value={tw.code}>
                  {townshipLabel(tw, lang)}
                </option>
              ))}
            </select>
            {fieldError('townshipCode') && <span className="field-error">{fieldError('townshipCode')}</span>}
          </label>
          <label className={`field${fieldError('villageCode') ? ' invalid' : ''}`}>
            <span className="field-label">{t('site.village')}</span>
            <select data-testid="site-village" value={draft.villageCode ?? ''} onChange={(e) => set('villageCode', e.target.value || null)}>
              <option value="">{t('site.none')}</option>
              {villageOptions.map((v) => (
                <option key={v.code} value={v.code}>
                  {v.name}
                </option>
              ))}
            </select>
            {fieldError('villageCode') && <span className="field-error">{fieldError('villageCode')}</span>}
          </label>
        </div>
        {text('address', 'site.address')}
        <div className="field-pair">
          {text('contact', 'site.contact')}
          {text('phone', 'site.phone')}
        </div>
        {text('openingHours', 'site.openingHours', { maxLength: OPENING_HOURS_MAX, placeholder: t('site.openingHoursExample') })}
        <label className={`field${fieldError('notes') ? ' invalid' : ''}`}>
          <span className="field-label">{t('site.notes')}</span>
          <textarea data-testid="site-notes" rows={3} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
          {fieldError('notes') && <span className="field-error">{fieldError('notes')}</span>}
        </label>
        <p className="muted small">{t('site.updated', { time: beijingDateTime(p.updatedAt, lang) })}</p>
        <SiteHistory siteId={p.id} version={p.updatedAt} />
      </fieldset>
      {error && (
        <div className="form-error" role="alert" data-testid="site-error">
          <strong>{t('site.error')}：</strong>
          {errorText(error, lang)}
          {issues.length > 0 && (
            <ul>
              {issues.map((i, n) => (
                <li key={n}>
                  <code>{i.path.join('.') || '—'}</code> {issueText(i, lang)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {deleteError && (
        <div className="form-error" role="alert" data-testid="site-delete-error">
          <strong>{t('site.deleteError')}：</strong>
          {deleteError.message}
        </div>
      )}
      {readOnly ? null : confirmDelete ? (
        <div className="site-panel-foot delete-confirm" role="alertdialog" aria-labelledby="delete-confirm-text" data-testid="site-delete-confirm">
          <span id="delete-confirm-text" className="delete-confirm-text">
            {t('site.deleteConfirm', { name: p.name })}
          </span>
          <button type="button" className="button subtle" data-testid="site-delete-no" disabled={deleting} onClick={() => setConfirmDelete(false)}>
            {t('site.deleteNo')}
          </button>
          <button type="button" className="button danger-solid" data-testid="site-delete-yes" disabled={deleting} onClick={remove} autoFocus>
            {deleting ? t('site.deleting') : t('site.deleteYes')}
          </button>
        </div>
      ) : (
        <div className="site-panel-foot">
          <button
            type="button"
            className="button subtle danger foot-left"
            data-testid="site-delete"
            onClick={() => {
              setDeleteError(null);
              setConfirmDelete(true);
            }}
          >
            {t('site.delete')}
          </button>
          <button type="button" className="button subtle" disabled={!dirty || saving} onClick={() => setDraft(draftOf(p))}>
            {t('site.reset')}
          </button>
          <button type="button" className="button primary" data-testid="site-save" disabled={!dirty || saving} onClick={save}>
            {saving ? t('site.saving') : t('site.save')}
          </button>
        </div>
      )}
    </div>
  );
}
