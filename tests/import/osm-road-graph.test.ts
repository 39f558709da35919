import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distance } from '@turf/distance';
import type { Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODE_BIT, ROAD_CLASSES, type RoadGraph } from '../../api/src/engine/types.ts';
import { ImportFileError } from '../../api/src/import/import-file-error.ts';
import { osmRoadGraph } from '../../api/src/import/osm-road-graph.ts';
import { IMPORT_ROADS, osmXml } from '../fixtures/osm/fixtures.ts';
import { osmFixture, tempDir, writeOsmXml } from './osm-fixture.ts';

// A 0.02° square around 106.15E 32.64N (inside 朝天区) stands in for the district; margin 2 km.
const boundary: Polygon = {
  type: 'Polygon',
  coordinates: [[[106.14, 32.63], [106.16, 32.63], [106.16, 32.65], [106.14, 32.65], [106.14, 32.63]]],
};

const { nodes } = IMPORT_ROADS;

const W = MODE_BIT.walk, B = MODE_BIT.bike, C = MODE_BIT.car;
// Worked out by hand from the tags (see osm-way-modes.ts rules): [from, to, modes, class].
const expected: [number, number, number, string][] = [
  [1, 2, W | B | C, 'residential'], [2, 1, W | B | C, 'residential'], [2, 3, W | B | C, 'residential'], [3, 2, W | B | C, 'residential'],
  [2, 4, W, 'footway'], [4, 2, W, 'footway'],
  [3, 7, W | B | C, 'primary'], [7, 3, W | B, 'primary'],
  [7, 8, W | B | C, 'residential'], [8, 7, W | B | C, 'residential'],
  [1, 10, C, 'motorway'],
  [4, 3, W, 'residential'], [3, 4, W, 'residential'],
  [10, 4, W | B | C, 'secondary'], [4, 10, W | B, 'secondary'],
  [3, 11, W | B, 'track'], [11, 3, W | B, 'track'],
];

const nodeAt = (lng: number, lat: number) => nodes.find((n) => Math.abs(n.lng - lng) < 1e-9 && Math.abs(n.lat - lat) < 1e-9)!.id;

function edgeTuples(g: RoadGraph): string[] {
  const out: string[] = [];
  for (let u = 0; u < g.nodeCount; u++) {
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      const v = g.targets[e];
      out.push(`${nodeAt(g.nodeLng[u], g.nodeLat[u])}>${nodeAt(g.nodeLng[v], g.nodeLat[v])}:${g.modeMask[e]}:${ROAD_CLASSES[g.roadClass[e]]}`);
    }
  }
  return out.sort();
}

const files = osmFixture('import-roads');
let dir: string;
beforeAll(() => {
  dir = tempDir();
});

it('the committed fixture is the one fixtures.ts describes (rebuild with tests/fixtures/osm/build.ts)', () => {
  expect(readFileSync(files.xml, 'utf8')).toBe(osmXml(IMPORT_ROADS));
});

describe('osmRoadGraph from OSM XML', () => {
  it('keeps usable ways per mode, respects oneway and access, clips to the buffered district', async () => {
    const { graph, stats } = await osmRoadGraph(files.xml, { boundary, marginMeters: 2000 });
    expect(edgeTuples(graph)).toEqual(expected.map(([a, b, m, c]) => `${a}>${b}:${m}:${c}`).sort());
    expect(graph.nodeCount).toBe(8);
    expect(stats).toMatchObject({ format: 'xml', nodesRead: 11, waysRead: 12, roadWays: 9, segmentsKept: 9, nodeCount: 8, directedEdgeCount: 17 });
  });

  it('stores haversine lengths that agree with Turf', async () => {
    const { graph } = await osmRoadGraph(files.xml, { boundary });
    for (let u = 0; u < graph.nodeCount; u++) {
      for (let e = graph.offsets[u]; e < graph.offsets[u + 1]; e++) {
        const v = graph.targets[e];
        const turfMeters = distance([graph.nodeLng[u], graph.nodeLat[u]], [graph.nodeLng[v], graph.nodeLat[v]], { units: 'meters' });
        expect(graph.lengthMeters[e]).toBeCloseTo(turfMeters, 1);
      }
    }
  });

  it('with no margin, drops the segment whose both ends are outside the district', async () => {
    const { graph } = await osmRoadGraph(files.xml, { boundary, marginMeters: 0 });
    const tuples = edgeTuples(graph);
    // 3→7 starts inside the square, so it stays; 7–8 lies wholly outside, so it goes.
    expect(tuples.some((t) => t.startsWith('3>7:'))).toBe(true);
    expect(tuples.some((t) => t.startsWith('7>8:'))).toBe(false);
  });
});

describe('osmRoadGraph from PBF', () => {
  it('builds exactly the same graph as from the XML', async () => {
    const a = await osmRoadGraph(files.xml, { boundary });
    const b = await osmRoadGraph(files.pbf, { boundary });
    expect(b.stats.format).toBe('pbf');
    expect(edgeTuples(b.graph)).toEqual(edgeTuples(a.graph));
    expect(Array.from(b.graph.lengthMeters).sort()).toEqual(Array.from(a.graph.lengthMeters).sort());
  });

  it('reports progress up to the file size', async () => {
    const seen: number[] = [];
    await osmRoadGraph(files.pbf, { boundary, onProgress: (read, total) => { seen.push(read); expect(total).toBeGreaterThan(0); } });
    expect(seen.at(-1)).toBe(readFileSync(files.pbf).length);
  });

  it('rejects a truncated PBF', async () => {
    const bytes = readFileSync(files.pbf);
    const cut = join(dir, 'cut.osm.pbf');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    await expect(osmRoadGraph(cut, { boundary })).rejects.toThrow(/truncated or corrupt/);
  });

  it('rejects a PBF with a corrupted data block', async () => {
    const bytes = Buffer.from(readFileSync(files.pbf));
    for (let i = bytes.length - 60; i < bytes.length - 10; i++) bytes[i] ^= 0x5a;
    const bad = join(dir, 'corrupt.osm.pbf');
    writeFileSync(bad, bytes);
    await expect(osmRoadGraph(bad, { boundary })).rejects.toBeInstanceOf(ImportFileError);
  });
});

describe('osmRoadGraph rejects bad files', () => {
  const write = (name: string, text: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  it('a file that is not OSM', async () => {
    await expect(osmRoadGraph(write('x.csv', '名称,经度,纬度\n站,106.1,32.6\n'), { boundary })).rejects.toThrow(/not an OpenStreetMap file/);
    await expect(osmRoadGraph(write('x.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3, 4])), { boundary })).rejects.toThrow(/not an OpenStreetMap file/);
  });
  it('XML whose root is not <osm>', async () => {
    await expect(osmRoadGraph(write('x.xml', '<?xml version="1.0"?><html><body/></html>'), { boundary })).rejects.toThrow(/root element <html>/);
  });
  it('truncated XML', async () => {
    const text = readFileSync(files.xml, 'utf8');
    await expect(osmRoadGraph(write('cut.osm', text.slice(0, Math.floor(text.length * 0.6))), { boundary })).rejects.toThrow(/malformed or truncated/);
  });
  it('an empty file', async () => {
    await expect(osmRoadGraph(write('empty.osm', ''), { boundary })).rejects.toThrow(/empty/);
  });
  it('a file with no road inside the district', async () => {
    const far = writeOsmXml(dir, 'far', { nodes: nodes.filter((n) => n.id >= 12), ways: IMPORT_ROADS.ways.filter((w) => w.id === 109) });
    await expect(osmRoadGraph(far, { boundary })).rejects.toThrow(/no usable road inside the district/);
  });
  it('an unsorted file (a node after a way)', async () => {
    const text = readFileSync(files.xml, 'utf8').replace('</osm>', '  <node id="99" lat="32.64" lon="106.15"/>\n</osm>');
    await expect(osmRoadGraph(write('unsorted.osm', text), { boundary })).rejects.toThrow(/not sorted/);
  });
  it('a missing file', async () => {
    await expect(osmRoadGraph(join(dir, 'nope.osm.pbf'), { boundary })).rejects.toThrow(/no such file/);
  });
});
