import { createReadStream, statSync } from 'node:fs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportFileError } from './import-file-error.ts';
import type { OsmHandlers, ReadProgress } from './osm-handlers.ts';
import { WAY_TAG_KEYS } from './osm-way-modes.ts';

const KEEP_TAGS = new Set(WAY_TAG_KEYS);

/**
 * Streams an OSM XML (`.osm`) file with a SAX parser, calling `handlers` for every node and way.
 * Only the current way is held in memory; malformed or non-OSM XML throws {@link ImportFileError}.
 * @example await readOsmXml('chaotian.osm', { node(id, lng, lat) {}, way(id, refs, tags) {} })
 */
export async function readOsmXml(path: string, handlers: OsmHandlers, onProgress?: ReadProgress): Promise<void> {
  const totalBytes = statSync(path).size;
  const parser = new SaxesParser({ xmlns: false, position: true });
  let depth = 0;
  let wayId = -1;
  let refs: number[] = [];
  let tags: Record<string, string> | undefined;
  let failure: Error | null = null;
  let sawRoot = false;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth++;
    const a = tag.attributes as Record<string, string>;
    if (depth === 1) {
      sawRoot = true;
      if (tag.name !== 'osm') throw new ImportFileError(`${path} is XML but not an OpenStreetMap file (root element <${tag.name}>, expected <osm>)`);
      return;
    }
    switch (tag.name) {
      case 'node': {
        const lat = Number(a.lat);
        const lon = Number(a.lon);
        if (a.id !== undefined && Number.isFinite(lat) && Number.isFinite(lon) && a.lat !== '' && a.lon !== '') {
          handlers.node(Number(a.id), lon, lat);
        }
        break;
      }
      case 'way':
        wayId = Number(a.id);
        refs = [];
        tags = undefined;
        break;
      case 'nd':
        if (wayId !== -1) refs.push(Number(a.ref));
        break;
      case 'tag':
        if (wayId !== -1 && KEEP_TAGS.has(a.k)) (tags ??= {})[a.k] = a.v;
        break;
      default:
    }
  });
  parser.on('closetag', (tag) => {
    depth--;
    if (tag.name === 'way' && wayId !== -1) {
      handlers.way(wayId, refs, tags);
      wayId = -1;
    }
  });
  parser.on('error', (err) => {
    failure ??= err;
  });

  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    for await (const chunk of input) {
      parser.write(chunk as string);
      if (failure) throw failure;
      onProgress?.(input.bytesRead, totalBytes);
    }
    parser.close();
    if (failure) throw failure;
  } catch (err) {
    input.destroy();
    if (err instanceof ImportFileError) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw new ImportFileError(`OSM XML file ${path} is malformed or truncated (${detail})`);
  }
  if (!sawRoot) throw new ImportFileError(`${path} contains no <osm> element`);
  onProgress?.(totalBytes, totalBytes);
}
