/**
 * Shared helpers of the benches: min / median / max of repeated ratios, and results saved as JSON under
 * bench/results/<name>.json (with the previous run's summary printed for comparison when the file exists).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Spread { min: number; median: number; max: number; runs: number }

/** Min, median and max of a list of numbers (e.g. speed ratios of repeated runs). */
export function spread(values: readonly number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { min: s[0], median, max: s[s.length - 1], runs: s.length };
}

export const fmtSpread = (x: Spread, digits = 1, unit = '×') =>
  `min ${x.min.toFixed(digits)}${unit} / median ${x.median.toFixed(digits)}${unit} / max ${x.max.toFixed(digits)}${unit} (${x.runs} runs)`;

const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../bench/results');

/** Writes bench/results/<name>.json and prints where; prints the previous file's `summary` first, if any. */
export function saveBenchResults(name: string, summary: Record<string, unknown>, details: Record<string, unknown> = {}): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  if (existsSync(file)) {
    try {
      const previous = JSON.parse(readFileSync(file, 'utf8'));
      console.log(`[${name}] previous run (${previous.date}): ${JSON.stringify(previous.summary)}`);
    } catch { /* unreadable previous file: overwrite */ }
  }
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, summary, details }, null, 2));
  console.log(`[${name}] saved ${file}`);
}
