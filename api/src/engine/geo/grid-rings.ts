/** Unit steps for directions 0 = east, 1 = north, 2 = west, 3 = south. */
const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];

/**
 * Outline of a set of grid cells as closed rings of cell-corner coordinates (corner (c, r) is the
 * lower-left corner of cell (c, r)). Each exposed cell side becomes a directed edge with the set on
 * its left; edges are chained turning right first, so where two cells of the set meet only at a
 * corner each ring keeps following the empty region on its right: a hole that touches the outline at
 * a corner stays a separate ring (valid polygons). Outer rings come out counter-clockwise (positive area), holes clockwise.
 * Collinear corners are dropped; each ring is closed (first corner repeated).
 *
 * @param cells - the cells as [column, row] pairs, column and row ≥ 0 (4-connected for one polygon)
 * @param has - whether a cell (column, row) belongs to the set
 * @returns rings of [x, y] corner coordinates with their signed area in cells
 * @example
 * gridRings([[0, 0]], (c, r) => c === 0 && r === 0); // [{ ring: [[0,0],[1,0],[1,1],[0,1],[0,0]], area: 1 }]
 * @see https://en.wikipedia.org/wiki/Shoelace_formula
 */
export function gridRings(
  cells: ReadonlyArray<readonly [number, number]>,
  has: (col: number, row: number) => boolean,
): Array<{ ring: Array<[number, number]>; area: number }> {
  // Outgoing edges per corner: key x·2²² + y (grid indices are small non-negative integers) → direction bits.
  const K = 4194304;
  const out = new Map<number, number>();
  const addEdge = (x: number, y: number, dir: number) => {
    const key = x * K + y;
    out.set(key, (out.get(key) ?? 0) | (1 << dir));
  };
  for (const [c, r] of cells) {
    if (!has(c, r - 1)) addEdge(c, r, 0);
    if (!has(c + 1, r)) addEdge(c + 1, r, 1);
    if (!has(c, r + 1)) addEdge(c + 1, r + 1, 2);
    if (!has(c - 1, r)) addEdge(c, r + 1, 3);
  }
  const used = new Set<number>();
  const rings: Array<{ ring: Array<[number, number]>; area: number }> = [];
  for (const [key, mask] of out) {
    for (let startDir = 0; startDir < 4; startDir++) {
      if (!(mask & (1 << startDir)) || used.has(key * 4 + startDir)) continue;
      const sx = Math.floor(key / K), sy = key - sx * K;
      const ring: Array<[number, number]> = [];
      let x = sx, y = sy, dir = startDir;
      let area2 = 0;
      for (;;) {
        used.add((x * K + y) * 4 + dir);
        const nx = x + DX[dir], ny = y + DY[dir];
        area2 += x * ny - nx * y;
        const nextMask = out.get(nx * K + ny) ?? 0;
        let next = -1;
        for (const turn of [3, 0, 1]) { // right, straight, left
          const d = (dir + turn) % 4;
          if (nextMask & (1 << d)) { next = d; break; }
        }
        if (next < 0) throw new Error('gridRings: open outline (has() disagrees with cells)');
        if (next !== dir) ring.push([nx, ny]);
        x = nx; y = ny; dir = next;
        if (x === sx && y === sy && dir === startDir) break;
      }
      ring.push([ring[0][0], ring[0][1]]);
      rings.push({ ring, area: area2 / 2 });
    }
  }
  return rings;
}
