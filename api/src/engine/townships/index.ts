/** The engine's townships domain: its public surface. */
export * from './assign-township.ts';
export * from './assign-township-by-area.ts';
export * from './township-areas.ts';
export * from './township-quotas.ts';
export * from './quota-rule-sets.ts';
