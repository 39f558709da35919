import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { ApiError } from './errors.ts';

/** Loopback names: the default Host allowlist. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]', '::1'];

/** The Host allowlist from `ALLOWED_HOSTS` (comma-separated host names, `*` for any), else loopback only. */
export function allowedHostsFromEnv(env = process.env.ALLOWED_HOSTS): string[] {
  const extra = (env ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  return [...LOOPBACK_HOSTS, ...extra];
}

/**
 * Refuses requests whose Host is not on the allowlist (a DNS-rebinding page reaches us under its own name).
 * The port is ignored; `*` allows every host.
 */
export function hostAllowlist(hosts: string[]): MiddlewareHandler {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  return async (c, next) => {
    const hostname = new URL(c.req.url).hostname.toLowerCase();
    if (!allowed.has('*') && !allowed.has(hostname))
      throw new ApiError(403, 'forbidden', `Host ${hostname} is not allowed; add it to ALLOWED_HOSTS`);
    await next();
  };
}

/**
 * Security headers for every response: a CSP that lets the map load its tiles and workers, no framing, nosniff.
 * `tileOrigins`: the configured basemap tile servers (services/basemap-config.ts `basemapTileOrigins`); https ones are
 * allowed anyway, an http or intranet one only when named here.
 */
export const securityHeaders = (tileOrigins: string[] = []) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:', 'https:', ...tileOrigins],
      connectSrc: ["'self'", 'https:', ...tileOrigins],
      workerSrc: ["'self'", 'blob:'],
      childSrc: ["'self'", 'blob:'],
      fontSrc: ["'self'", 'data:', 'https:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: 'same-origin',
  });

/** API JSON must not be cached by browsers or proxies (it carries who may see what). */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
};
