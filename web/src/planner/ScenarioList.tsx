import { useState } from 'react';
import { useI18n } from '../lib/i18n';
import type { Scenario } from './planner-api';

interface Props {
  scenarios: readonly Scenario[] | null;
  openId: string | null;
  onOpen: (id: string) => void;
  onRename: (id: string, name: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
}

/** Saved scenarios: open (compare and edit on the map), rename, discard (with a confirmation). */
export function ScenarioList({ scenarios, openId, onOpen, onRename, onDelete }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  if (!scenarios) return <p className="empty">{t('app.loading')}</p>;
  if (!scenarios.length) return <p className="empty" data-testid="scenario-empty">{t('scenario.empty')}</p>;
  return (
    <ul className="scenario-list" data-testid="scenario-list">
      {scenarios.map((s) => {
        const open = s.sites.filter((x) => !x.acceptedSiteId).length;
        const accepted = s.sites.length - open;
        return (
          <li key={s.id} className={s.id === openId ? 'selected' : ''} data-testid="scenario-item" data-scenario-id={s.id}>
            {editing?.id === s.id ? (
              <form
                className="save-row"
                onSubmit={async (e) => {
                  e.preventDefault();
                  if (!editing.name.trim()) return;
                  await onRename(s.id, editing.name.trim());
                  setEditing(null);
                }}
              >
                <input className="search" autoFocus value={editing.name} onChange={(e) => setEditing({ id: s.id, name: e.target.value })} data-testid="scenario-rename-input" />
                <button type="submit" className="button small primary" data-testid="scenario-rename-save">{t('site.save')}</button>
                <button type="button" className="button small subtle" onClick={() => setEditing(null)}>{t('placing.cancel')}</button>
              </form>
            ) : (
              <button type="button" className="scenario-main" onClick={() => onOpen(s.id)} data-testid="scenario-open">
                <span className="scenario-name">{s.name}</span>
                <span className="muted small">
                  {t('scenario.meta', { n: open, accepted, mode: t(`plan.mode.${s.mode}`), minutes: s.minutes })}
                </span>
              </button>
            )}
            {editing?.id !== s.id && (
              <span className="scenario-actions">
                {confirming === s.id ? (
                  <>
                    <button type="button" className="button small danger" data-testid="scenario-delete-confirm"
                      onClick={async () => { setConfirming(null); await onDelete(s.id); }}>
                      {t('scenario.confirmDelete')}
                    </button>
                    <button type="button" className="button small subtle" onClick={() => setConfirming(null)}>{t('placing.cancel')}</button>
                  </>
                ) : (
                  <>
                    <button type="button" className="link" onClick={() => setEditing({ id: s.id, name: s.name })} data-testid="scenario-rename">{t('scenario.rename')}</button>
                    <button type="button" className="link danger" onClick={() => setConfirming(s.id)} data-testid="scenario-delete">{t('scenario.delete')}</button>
                  </>
                )}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
