import { prepareEmbeddedSnapshots } from './test-db.ts';

/** Vitest global setup of the unit project: the embedded snapshots exist before the first test file starts. */
export default async function setup(): Promise<void> {
  await prepareEmbeddedSnapshots();
}
