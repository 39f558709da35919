import { useQuery } from '@tanstack/react-query';
import { client, unwrap, type AuditEntry } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { keys } from '../lib/queries';
import { actionName, changeSummary, when } from './audit-format';

/** A site's changes (from the audit trail), newest first, in its details panel. */
export function SiteHistory({ siteId, version }: { siteId: string; version: string }) {
  const { t } = useI18n();
  // A failed look-up shows as "no history", as before.
  const history = useQuery({
    queryKey: keys.siteHistory(siteId, version),
    queryFn: async () => (await unwrap(await client.api.audit.$get({ query: { site: siteId, limit: '50' } }))).entries,
  });
  const entries: AuditEntry[] | null = history.isError ? [] : (history.data ?? null);
  return (
    <details className="site-history" data-testid="site-history">
      <summary>{t('audit.history')}{entries ? ` (${entries.length})` : ''}</summary>
      {entries && entries.length === 0 && <p className="muted">{t('audit.noHistory')}</p>}
      <ol>
        {entries?.map((e) => (
          <li key={e.id} data-testid="site-history-entry" data-action={e.action}>
            <span className="muted">{when(e.at)}</span> {e.username} · {actionName(e.action, t)}
            {e.before && e.after ? <div className="changes">{changeSummary(e)}</div> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
