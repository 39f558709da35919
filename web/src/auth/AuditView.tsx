import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { client, unwrap, type AuditEntry, type Township } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { townshipLabel } from '../lib/names';
import { useAbilities } from './session';
import { actionName, changeSummary, when } from './audit-format';
import { errorText } from './error-text';
import { districtUrl } from '../lib/district';
import { keys, queryClient } from '../lib/queries';

interface Filters { user: string; township: string; site: string; from: string; to: string }
const EMPTY: Filters = { user: '', township: '', site: '', from: '', to: '' };

/** The audit trail: who changed what, filterable, exportable; planners restore deleted sites from here. */
export function AuditView({ townships, onRestored }: { townships: Township[]; onRestored: () => void }) {
  const { t, lang } = useI18n();
  const can = useAbilities();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const query = () => Object.fromEntries(Object.entries(filters).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
  // The list follows the filters applied by 查询 (search), not each keystroke.
  const [applied, setApplied] = useState<Record<string, string>>({});
  const entriesQ = useQuery({
    queryKey: keys.auditList(applied),
    queryFn: async (): Promise<AuditEntry[]> => (await unwrap(await client.api.audit.$get({ query: applied }))).entries,
  });
  const entries = entriesQ.data ?? null;
  const shown = message ?? (entriesQ.error ? { kind: 'error' as const, text: errorText(entriesQ.error, t) } : null);
  const search = () => {
    const q = query();
    setMessage(null);
    setApplied(q);
    // The same filters again: ask anew (a different set is a new query and fetches anyway).
    void queryClient.invalidateQueries({ queryKey: keys.auditList(q), exact: true });
  };
  const restore = useMutation({
    mutationFn: async (e: AuditEntry) => unwrap(await client.api.sites[':id'].restore.$post({ param: { id: e.siteId! } })),
    onSuccess: (site) => {
      setMessage({ kind: 'success', text: t('audit.restored', { name: site.properties.name }) });
      onRestored();
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
    onError: (err) => setMessage({ kind: 'error', text: errorText(err, t) }),
  });
  const qs = new URLSearchParams(query()).toString();
  const townshipName = (code: string | null) => {
    const tw = townships.find((x) => x.code === code);
    return tw ? townshipLabel(tw, lang) : (code ?? '');
  };
  const set = (k: keyof Filters) => (ev: { target: { value: string } }) => setFilters((f) => ({ ...f, [k]: ev.target.value }));
  return (
    <section className="page" data-testid="audit-view">
      <h2>{t('audit.title')}</h2>
      <form className="page-filters" onSubmit={(e) => { e.preventDefault(); search(); }}>
        <label className="field"><span>{t('audit.user')}</span><input data-testid="audit-user" value={filters.user} onChange={set('user')} /></label>
        <label className="field">
          <span>{t('audit.township')}</span>
          <select data-testid="audit-township" value={filters.township} onChange={set('township')}>
            <option value="">{t('filter.allTownships')}</option>
            {townships.map((x) => <option key={x.code} value={x.code}>{townshipLabel(x, lang)}</option>)}
          </select>
        </label>
        <label className="field"><span>{t('audit.site')}</span><input data-testid="audit-site" value={filters.site} onChange={set('site')} /></label>
        <label className="field"><span>{t('audit.from')}</span><input type="date" data-testid="audit-from" value={filters.from} onChange={set('from')} /></label>
        <label className="field"><span>{t('audit.to')}</span><input type="date" data-testid="audit-to" value={filters.to} onChange={set('to')} /></label>
        <button type="submit" className="button primary" data-testid="audit-search">{t('audit.search')}</button>
        <a className="button subtle" data-testid="audit-export-csv" href={districtUrl(`/api/audit/export.csv${qs ? `?${qs}` : ''}`)}>{t('audit.exportCsv')}</a>
        <a className="button subtle" data-testid="audit-export-xlsx" href={districtUrl(`/api/audit/export.xlsx${qs ? `?${qs}` : ''}`)}>{t('audit.exportXlsx')}</a>
      </form>
      {shown && <p className={shown.kind === 'error' ? 'form-error' : 'form-success'} role="status" data-testid="audit-message">{shown.text}</p>}
      {entries && <p className="muted" data-testid="audit-count">{t('audit.count', { n: entries.length })}</p>}
      {entries && entries.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {entries && entries.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="audit-table">
            <thead>
              <tr><th>{t('audit.when')}</th><th>{t('audit.user')}</th><th>{t('audit.action')}</th><th>{t('audit.township')}</th><th>{t('audit.what')}</th><th>{t('audit.changes')}</th><th>{t('audit.address')}</th><th /></tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="audit-row" data-action={e.action} data-site={e.siteId ?? ''}>
                  <td>{when(e.at)}</td>
                  <td>{e.username}{e.role ? <span className="muted"> · {t(`role.${e.role}` as never)}</span> : null}</td>
                  <td>{actionName(e.action, t)}</td>
                  <td>{townshipName(e.townshipCode)}</td>
                  <td className="mono">{e.siteId ?? e.entityId ?? ''}</td>
                  <td className="changes">{changeSummary(e)}</td>
                  <td className="mono">{e.address}</td>
                  <td>
                    {e.action === 'site.delete' && can.plan && (
                      <button type="button" className="button small" data-testid="audit-restore" onClick={() => restore.mutate(e)}>{t('audit.restore')}</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
