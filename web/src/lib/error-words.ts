/** Errors in words a clerk understands, in the UI's language, with what to do next. */
import { ApiRequestError } from './api';
import { translate, type I18nKey, type Lang } from './i18n';

export type ErrorKind = 'offline' | 'server-down' | 'server-error' | 'request';

export interface ErrorWords {
  kind: ErrorKind;
  title: string;
  /** What to do next. */
  next: string;
  /** The technical detail (status, server message), for a report to the administrator. */
  detail: string;
}

const KNOWN: Record<string, I18nKey> = {
  unauthorized: 'error.unauthorized', forbidden: 'error.forbidden', too_many_requests: 'error.too_many_requests',
  conflict: 'error.conflict', payload_too_large: 'error.payload_too_large',
};

const ISSUE_KNOWN: Record<string, I18nKey> = {
  planned_site_changed: 'error.planned_site_changed', planned_site_missing: 'error.planned_site_missing',
  planned_site_in_use: 'error.planned_site_in_use', not_accepted: 'error.not_accepted',
  other_district: 'error.other_district', city_read_only: 'error.city_read_only',
};

/**
 * Offline (the browser has no network) is told apart from the server being down (no answer, or 502/503/504) and
 * from a server error (500); other API errors keep their own message.
 * @example errorWords(new TypeError('Failed to fetch'), 'zh', true).kind // 'server-down'
 */
export function errorWords(e: unknown, lang: Lang, online = typeof navigator === 'undefined' ? true : navigator.onLine): ErrorWords {
  const t = (k: I18nKey) => translate(lang, k);
  const raw = e instanceof Error ? e.message : String(e);
  const fetchFailed = e instanceof TypeError || /failed to fetch|networkerror|load failed/i.test(raw);
  if (!online && (fetchFailed || !(e instanceof ApiRequestError)))
    return { kind: 'offline', title: t('errors.offline'), next: t('errors.offlineNext'), detail: '' };
  if (fetchFailed || (e instanceof ApiRequestError && [502, 503, 504].includes(e.status)))
    return { kind: 'server-down', title: t('errors.serverDown'), next: t('errors.serverDownNext'), detail: '' };
  if (e instanceof ApiRequestError && e.status >= 500)
    return { kind: 'server-error', title: t('errors.serverError'), next: t('errors.serverErrorNext'), detail: `${e.status} ${raw}` };
  if (e instanceof ApiRequestError) {
    // A refusal with a stable reason (e.g. why an acceptance cannot be taken back) is worded by that reason.
    const reason = e.issues.map((i) => (i.code ? ISSUE_KNOWN[i.code] : undefined)).find(Boolean);
    if (reason) return { kind: 'request', title: t(reason), next: '', detail: raw };
    const key = KNOWN[e.code];
    return { kind: 'request', title: key ? t(key) : raw, next: '', detail: key ? raw : '' };
  }
  return { kind: 'request', title: raw, next: '', detail: '' };
}
