import { hc } from 'hono/client';
import type { AppType } from '../../../api/src/app';

/**
 * The resident's client for the public request routes: sent without cookies, so a planner's session in the same
 * browser neither needs a CSRF token here nor is recorded as the resident.
 */
export const publicClient = hc<AppType>('/', { fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, { ...init, credentials: 'omit' }) });
