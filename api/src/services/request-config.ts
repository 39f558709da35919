/** Time limits, abuse limits and the retention period of service requests. */
export interface RequestConfig {
  /** A site dispatches within this many hours of submission. */
  dispatchHours: number;
  /** A team accepts within this many hours of dispatch. */
  acceptHours: number;
  /** A request nobody accepted is expired this many hours after submission. */
  expireHours: number;
  /** Name and phone are erased this many days after submission. */
  retentionDays: number;
  /** Per client address, per phone (each in 24 h), and per site per day (the site it is first routed to). */
  perClientPerDay: number;
  perPhonePerDay: number;
  perSitePerDay: number;
  /** The circle requests are routed by (the resident page's default). */
  mode: 'walk' | 'bike' | 'car';
  minutes: number;
}

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/** The configuration: `overrides`, else the `REQUEST_*` environment variables, else the defaults (24 h, 48 h, 7 days, 180 days, 10/3/200 a day). */
export function requestConfig(overrides: Partial<RequestConfig> = {}): RequestConfig {
  return {
    dispatchHours: env('REQUEST_DISPATCH_HOURS', 24), acceptHours: env('REQUEST_ACCEPT_HOURS', 48), expireHours: env('REQUEST_EXPIRE_HOURS', 7 * 24),
    retentionDays: env('REQUEST_RETENTION_DAYS', 180),
    perClientPerDay: env('REQUEST_PER_CLIENT_PER_DAY', 10), perPhonePerDay: env('REQUEST_PER_PHONE_PER_DAY', 3), perSitePerDay: env('REQUEST_PER_SITE_PER_DAY', 200),
    mode: 'walk', minutes: 15,
    ...overrides,
  };
}
