/**
 * Worker-thread entry of the plan's exact check (started by run-exact-in-worker.ts). Loads HiGHS once, then for
 * each job message unpacks the problem, calls the same engine function the server used to call in-thread
 * (solveMaxCoverageExact / solveMinSitesExact) and posts the ExactCoverageResult back.
 */
import { parentPort } from 'node:worker_threads';
import loadHighs from 'highs';
import { solveMaxCoverageExact, solveMinSitesExact } from '../engine/plan/index.ts';
import type { CoverageProblem, ExactCoverageResult } from '../engine/plan/index.ts';
import { EngineInputError } from '../engine/types.ts';
import type { ExactJobMessage, ExactReplyMessage } from './run-exact-in-worker.ts';

if (!parentPort) throw new Error('exact-solver-worker.ts must run in a worker thread');
const port = parentPort;
let highsPromise: ReturnType<typeof loadHighs> | undefined;

port.on('message', async (message: ExactJobMessage) => {
  let reply: ExactReplyMessage;
  try {
    reply = { ok: true, result: await solve(message) };
  } catch (err) {
    reply = { ok: false, message: err instanceof Error ? err.message : String(err), inputError: err instanceof EngineInputError };
  }
  port.postMessage(reply);
});

async function solve(m: ExactJobMessage): Promise<ExactCoverageResult> {
  const highs = await (highsPromise ??= loadHighs());
  const candidateCovers: Uint32Array[] = [];
  for (let j = 0; j + 1 < m.coverStarts.length; j++) candidateCovers.push(m.coverIndices.subarray(m.coverStarts[j], m.coverStarts[j + 1]));
  const problem: CoverageProblem = {
    demandWeight: m.demandWeight, alreadyCovered: m.alreadyCovered, candidateCovers,
    candidateTownship: m.candidateTownship, candidateIds: m.candidateIds,
  };
  const options = {
    excludedCandidates: m.excludedCandidates, townshipMinimums: m.townshipMinimums,
    timeLimitSeconds: m.timeLimitSeconds, mipRelativeGap: m.mipRelativeGap,
  };
  return m.job.objective === 'max-coverage'
    ? solveMaxCoverageExact(highs, problem, m.job.siteCount, options)
    : solveMinSitesExact(highs, problem, m.job.targetShare, options);
}
