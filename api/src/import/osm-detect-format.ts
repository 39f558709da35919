import { open } from 'node:fs/promises';
import { ImportFileError } from './import-file-error.ts';

export type OsmFormat = 'pbf' | 'xml';

/**
 * Tells an OSM PBF from an OSM XML file by its first bytes (never by its name), and rejects
 * anything else with a clear {@link ImportFileError}.
 * @example await detectOsmFormat('chaotian.osm.pbf') // 'pbf'
 */
export async function detectOsmFormat(path: string): Promise<OsmFormat> {
  const fh = await open(path, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new ImportFileError(`cannot open ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  });
  try {
    const head = Buffer.alloc(256);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytesRead === 0) throw new ImportFileError(`${path} is empty`);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      throw new ImportFileError(`${path} is gzip-compressed; decompress it first (or convert with: osmium cat IN -o out.osm.pbf)`);
    }
    if (bytes.subarray(0, 3).toString('latin1') === 'BZh') {
      throw new ImportFileError(`${path} is bzip2-compressed; decompress it first (or convert with: osmium cat IN -o out.osm.pbf)`);
    }
    if (bytesRead >= 8) {
      const headerLength = bytes.readUInt32BE(0);
      if (headerLength > 0 && headerLength < 64 * 1024 && bytes.subarray(4, 4 + Math.min(headerLength, 40)).includes('OSMHeader')) {
        return 'pbf';
      }
    }
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '').trimStart();
    // XML: the reader checks that the root element is <osm>.
    if (text.startsWith('<')) return 'xml';
    throw new ImportFileError(`${path} is not an OpenStreetMap file (.osm.pbf or .osm XML expected)`);
  } finally {
    await fh.close();
  }
}
