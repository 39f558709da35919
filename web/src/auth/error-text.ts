import { ApiRequestError } from '../lib/api';
import type { I18nKey } from '../lib/i18n';

const KNOWN: Record<string, I18nKey> = {
  unauthorized: 'error.unauthorized', forbidden: 'error.forbidden', too_many_requests: 'error.too_many_requests',
};

/** An API error in the UI's language where its code is known (the server's message otherwise). */
export function errorText(e: unknown, t: (k: I18nKey) => string): string {
  if (e instanceof ApiRequestError) {
    if (e.code === 'unauthorized' && /password/i.test(e.message)) return e.message;
    const key = KNOWN[e.code];
    return key ? `${t(key)} (${e.message})` : e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
