/** The logic of npm run import:roads (options and behaviour are described in scripts/import-roads.ts). */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { withCliDatabase, type CliIo } from './run-import-cli.ts';
import { getDistrict } from '../../api/src/db/reference-repo.ts';
import { newDataSourceId } from '../../api/src/db/import-repo.ts';
import { saveRoadGraph } from '../../api/src/db/road-graph-repo.ts';
import { DEFAULT_CAR_SPEEDS_KMH } from '../../api/src/engine/network/index.ts';
import { ROAD_CLASSES, type RoadClass } from '../../api/src/engine/types.ts';
import { ImportFileError } from '../../api/src/import/import-file-error.ts';
import { osmRoadGraph } from '../../api/src/import/osm-road-graph.ts';
import { districtOption } from './district-option.ts';

const MB = 1024 * 1024;

class CliError extends Error {}
function fail(message: string): never {
  throw new CliError(message);
}

function readSpeeds(path: string | undefined): { carSpeedsKmh: Record<RoadClass, number>; origin: string } {
  const carSpeedsKmh = { ...DEFAULT_CAR_SPEEDS_KMH } as Record<RoadClass, number>;
  if (!path) return { carSpeedsKmh, origin: 'default' };
  let overrides: unknown;
  try {
    overrides = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    fail(`cannot read speeds file ${path}: ${(err as Error).message}`);
  }
  if (!overrides || typeof overrides !== 'object' || Array.isArray(overrides)) fail(`${path} must be a JSON object {"residential": 20, …}`);
  for (const [k, v] of Object.entries(overrides as Record<string, unknown>)) {
    if (!(ROAD_CLASSES as readonly string[]).includes(k)) fail(`${path}: unknown road class "${k}" (known: ${ROAD_CLASSES.join(', ')})`);
    if (typeof v !== 'number' || !(v > 0) || v > 200) fail(`${path}: speed for ${k} must be a number of km/h in (0, 200]`);
    carSpeedsKmh[k as RoadClass] = v;
  }
  return { carSpeedsKmh, origin: basename(path) };
}

function progressReporter(io: CliIo, totalBytes: number) {
  const t0 = performance.now();
  if (io.isTTY) {
    const bar = new cliProgress.SingleBar({
      format: 'roads |{bar}| {percentage}% | {done}/{total_mb} MB | {rate} MB/s | ETA {eta_formatted}',
      hideCursor: true,
    }, cliProgress.Presets.shades_classic);
    bar.start(totalBytes, 0, { done: '0.0', total_mb: (totalBytes / MB).toFixed(1), rate: '0' });
    return {
      update(read: number) {
        const s = (performance.now() - t0) / 1000;
        bar.update(read, { done: (read / MB).toFixed(1), rate: (read / MB / Math.max(s, 0.001)).toFixed(1) });
      },
      stop: () => bar.stop(),
    };
  }
  let nextTenth = 1;
  return {
    update(read: number) {
      while (read >= (totalBytes * nextTenth) / 10 && nextTenth <= 10) {
        const s = (performance.now() - t0) / 1000;
        io.log(`read ${(read / MB).toFixed(1)}/${(totalBytes / MB).toFixed(1)} MB (${nextTenth * 10}%), ${(read / MB / Math.max(s, 0.001)).toFixed(1)} MB/s`);
        nextTenth++;
      }
    },
    stop() {},
  };
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      margin: { type: 'string' }, speeds: { type: 'string' }, name: { type: 'string' }, server: { type: 'string' }, token: { type: 'string' }, district: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    io.log('usage: npm run import:roads -- FILE.osm.pbf|FILE.osm [--margin 2000] [--speeds speeds.json] [--name NAME] [--district CODE]');
    return values.help ? 0 : 1;
  }
  if (values.server || values.token) {
    fail('import:roads has no remote mode: the server has no road-import API (an OpenStreetMap extract is far over its 20 MB upload limit); run it on the server itself, with the app stopped or against its DATABASE_URL');
  }
  const code = districtOption(io, values.district);
  if (code === false) return 1;
  const file = positionals[0];
  const marginMeters = values.margin === undefined ? 2000 : Number(values.margin);
  if (!Number.isFinite(marginMeters) || marginMeters < 0 || marginMeters > 50_000) fail('--margin must be metres between 0 and 50000');
  const speeds = readSpeeds(values.speeds);
  let totalBytes = 0;
  try {
    totalBytes = statSync(file).size;
  } catch {
    fail(`cannot open ${file}: no such file`);
  }

  return withCliDatabase(io, async (sql) => {
    const district = await getDistrict(sql, code);
    if (!district) fail('the district boundary is not in the database');

    const t0 = performance.now();
    const progress = progressReporter(io, totalBytes);
    let result;
    try {
      result = await osmRoadGraph(file, { boundary: district.boundary as never, marginMeters, onProgress: (read) => progress.update(read) });
    } finally {
      progress.stop();
    }
    const { graph, stats } = result;
    const seconds = (performance.now() - t0) / 1000;
    const info = await saveRoadGraph(sql, code, {
      graph,
      sourceName: values.name ?? basename(file),
      speeds,
      source: {
        id: newDataSourceId('osm-roads'), name: `OpenStreetMap roads: ${values.name ?? basename(file)}`, licence: 'ODbL 1.0',
        attribution: '© OpenStreetMap contributors', datum: 'WGS-84', origin: basename(file), modelled: false,
        notes: `${stats.format.toUpperCase()} ${(totalBytes / MB).toFixed(1)} MB; ${stats.nodeCount} nodes, ${stats.directedEdgeCount} directed edges, `
          + `${stats.roadKm.toFixed(1)} km of road within the district + ${marginMeters} m; car speeds: ${speeds.origin}`,
      },
    });
    const peakMb = process.resourceUsage().maxRSS / 1024;
    io.log(
      `imported ${basename(file)} (${stats.format}, ${(totalBytes / MB).toFixed(1)} MB) in ${seconds.toFixed(1)} s: `
      + `${stats.nodesRead} nodes and ${stats.waysRead} ways read, ${stats.roadWays} road ways; kept ${stats.nodeCount} nodes, `
      + `${stats.directedEdgeCount} directed edges, ${stats.roadKm.toFixed(1)} km of road. `
      + `Road graph #${info.id} is active (${(info.bytes / MB).toFixed(1)} MB). Peak memory ${peakMb.toFixed(0)} MB.`,
    );
    return 0;
  }, code);
}

/** `importRoadsCli(argv, io)`: the whole of npm run import:roads, callable in-process; returns the exit code. */
export async function importRoadsCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof ImportFileError || err instanceof CliError) {
      io.error(`error: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

