/** Test helper: writes small OSM XML files and converts them to PBF with osmium-tool. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FixtureNode { id: number; lng: number; lat: number }
export interface FixtureWay { id: number; refs: number[]; tags: Record<string, string> }

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function osmXml(nodes: FixtureNode[], ways: FixtureWay[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="import-test">'];
  for (const n of nodes) lines.push(`  <node id="${n.id}" version="1" lat="${n.lat}" lon="${n.lng}"/>`);
  for (const w of ways) {
    lines.push(`  <way id="${w.id}" version="1">`);
    for (const r of w.refs) lines.push(`    <nd ref="${r}"/>`);
    for (const [k, v] of Object.entries(w.tags)) lines.push(`    <tag k="${esc(k)}" v="${esc(v)}"/>`);
    lines.push('  </way>');
  }
  lines.push('</osm>', '');
  return lines.join('\n');
}

export function hasOsmium(): boolean {
  try {
    execFileSync('osmium', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function tempDir(prefix = 'import-osm-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `name.osm` and (when osmium is installed) `name.osm.pbf`; returns both paths. */
export function writeOsmFixture(dir: string, name: string, nodes: FixtureNode[], ways: FixtureWay[]): { xml: string; pbf: string } {
  const xml = join(dir, `${name}.osm`);
  const pbf = join(dir, `${name}.osm.pbf`);
  writeFileSync(xml, osmXml(nodes, ways));
  if (hasOsmium()) execFileSync('osmium', ['cat', xml, '-o', pbf, '-O'], { stdio: 'ignore' });
  return { xml, pbf };
}
