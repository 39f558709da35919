/** Test helper: the committed OSM fixtures (tests/fixtures/osm, made by its build.ts) and temporary folders. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { osmXml, type OsmFixture, type OsmFixtureName } from '../fixtures/osm/fixtures.ts';

export { osmXml, type FixtureNode, type FixtureWay } from '../fixtures/osm/fixtures.ts';

const fixtureDir = fileURLToPath(new URL('../fixtures/osm/', import.meta.url));

/** Paths of a committed fixture as OSM XML and as PBF. */
export function osmFixture(name: OsmFixtureName): { xml: string; pbf: string } {
  return { xml: join(fixtureDir, `${name}.osm`), pbf: join(fixtureDir, `${name}.osm.pbf`) };
}

export function tempDir(prefix = 'import-osm-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a one-off fixture as `name.osm` in `dir` (XML only: PBF fixtures are committed). */
export function writeOsmXml(dir: string, name: string, fixture: OsmFixture): string {
  const xml = join(dir, `${name}.osm`);
  writeFileSync(xml, osmXml(fixture));
  return xml;
}
