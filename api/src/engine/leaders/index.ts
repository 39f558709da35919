/** Leaders' view: volunteer targets, activity counts, demonstration targets, the yearly evaluation and its ranking. */
export * from './volunteer-standing.ts';
export * from './activity-summary.ts';
export * from './demonstration-targets.ts';
export * from './score-evaluation.ts';
export * from './activity-days.ts';
