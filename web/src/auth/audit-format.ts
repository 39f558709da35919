import type { AuditEntry } from '../lib/api';
import type { I18nKey } from '../lib/i18n';

/** The action's name in the UI language (the raw action when unknown). */
export function actionName(action: string, t: (k: I18nKey) => string): string {
  const key = `action.${action}` as I18nKey;
  const text = t(key);
  return text === key ? action : text;
}

/** "field: before → after" for each field that changed (site and user records), or a short summary. */
export function changeSummary(e: AuditEntry): string {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '∅' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  if (e.before && e.after) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => !['updatedAt', 'createdAt', 'sites'].includes(k) && JSON.stringify(before[k]) === JSON.stringify(after[k]) === false,
    );
    return keys.map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`).join('; ');
  }
  const one = (e.after ?? e.before) as Record<string, unknown> | null;
  if (one && typeof one === 'object' && 'name' in one) return String(one.name);
  if (one && typeof one === 'object' && 'username' in one) return String(one.username);
  const d = e.details as Record<string, unknown> | null;
  if (d && 'fileName' in d) return `${d.fileName}: ${['created', 'updated', 'rowsSkipped', 'points'].filter((k) => k in d).map((k) => `${k} ${d[k]}`).join(', ')}`;
  return d ? JSON.stringify(d).slice(0, 160) : '';
}

/** Date and time in Beijing time (Asia/Shanghai), minutes precision, whatever the computer's time zone. */
export const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
