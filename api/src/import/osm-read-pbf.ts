import { createReadStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { OSMTransform } from 'osm-pbf-parser-node';
import { ImportFileError } from './import-file-error.ts';
import type { OsmHandlers, ReadProgress } from './osm-handlers.ts';
import { WAY_TAG_KEYS } from './osm-way-modes.ts';

/**
 * The parser throws synchronously inside `_transform` (zlib errors, bad blocks), which a stream turns into
 * an uncaught exception; route those throws into the stream's error path instead.
 */
class SafeOsmTransform extends OSMTransform {
  override _transform(chunk: Buffer, encoding: BufferEncoding, next: (err?: Error | null) => void): void {
    try {
      super._transform(chunk, encoding, next);
    } catch (err) {
      next(err as Error);
    }
  }

  override _flush(done: (err?: Error | null) => void): void {
    try {
      super._flush(done);
    } catch (err) {
      done(err as Error);
    }
  }
}

interface PbfNode { type: 'node'; id: number; lat: number; lon: number }
interface PbfWay { type: 'way'; id: number; refs: number[]; tags?: Record<string, string> }

/**
 * Streams an `.osm.pbf` file, calling `handlers` for every node and way (relations are skipped).
 * Memory stays bounded by one PBF block; a truncated or corrupt file throws {@link ImportFileError}.
 * @example await readOsmPbf('chaotian.osm.pbf', { node(id, lng, lat) {}, way(id, refs, tags) {} })
 */
export async function readOsmPbf(path: string, handlers: OsmHandlers, onProgress?: ReadProgress): Promise<void> {
  const totalBytes = statSync(path).size;
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  const parsed = pipeline(
    input,
    new SafeOsmTransform({ withTags: { node: false, way: WAY_TAG_KEYS, relation: false }, withInfo: false }),
    () => {},
  );
  let sawHeader = false;
  try {
    for await (const batch of parsed as AsyncIterable<Array<PbfNode | PbfWay | Record<string, unknown>>>) {
      for (const item of batch) {
        if (item.type === 'node') {
          const n = item as PbfNode;
          handlers.node(n.id, n.lon, n.lat);
        } else if (item.type === 'way') {
          const w = item as PbfWay;
          handlers.way(w.id, w.refs, w.tags);
        } else if (item.type === undefined && 'required_features' in item) {
          sawHeader = true;
          const unsupported = (item.required_features as string[]).filter((f) => f !== 'OsmSchema-V0.6' && f !== 'DenseNodes');
          if (unsupported.length) throw new ImportFileError(`PBF file needs unsupported features: ${unsupported.join(', ')}`);
        }
      }
      onProgress?.(input.bytesRead, totalBytes);
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw new ImportFileError(`PBF file ${path} is truncated or corrupt (${detail}) after ${input.bytesRead} of ${totalBytes} bytes`);
  }
  if (!sawHeader) throw new ImportFileError(`PBF file ${path} has no OSM header block`);
  onProgress?.(totalBytes, totalBytes);
}
