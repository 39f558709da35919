import { describe, expect, it } from 'vitest';
import { booleanValid } from '@turf/boolean-valid';
import { polygon } from '@turf/helpers';
import { gridRings } from '../../../api/src/engine/geo/grid-rings';

const setOf = (cells: Array<[number, number]>) => {
  const keys = new Set(cells.map(([c, r]) => `${c},${r}`));
  return (c: number, r: number) => keys.has(`${c},${r}`);
};
const sortedCorners = (ring: Array<[number, number]>) => ring.slice(0, -1).map((p) => p.join(',')).sort();

describe('gridRings', () => {
  it('outlines one cell counter-clockwise with area 1', () => {
    const rings = gridRings([[0, 0]], setOf([[0, 0]]));
    expect(rings.length).toBe(1);
    expect(rings[0].area).toBe(1);
    expect(sortedCorners(rings[0].ring)).toEqual(['0,0', '0,1', '1,0', '1,1']);
    expect(rings[0].ring[0]).toEqual(rings[0].ring.at(-1));
  });

  it('drops collinear corners of an L of three cells (6 corners)', () => {
    const cells: Array<[number, number]> = [[0, 0], [1, 0], [0, 1]];
    const [r] = gridRings(cells, setOf(cells));
    expect(r.area).toBe(3);
    expect(sortedCorners(r.ring)).toEqual(['0,0', '0,2', '1,1', '1,2', '2,0', '2,1']);
  });

  it('gives a ring of 8 cells an outer ring (area 9) and a clockwise hole (area −1)', () => {
    const cells: Array<[number, number]> = [];
    for (let c = 0; c < 3; c++) for (let r = 0; r < 3; r++) if (c !== 1 || r !== 1) cells.push([c, r]);
    const rings = gridRings(cells, setOf(cells)).sort((a, b) => b.area - a.area);
    expect(rings.map((r) => r.area)).toEqual([9, -1]);
    expect(sortedCorners(rings[1].ring)).toEqual(['1,1', '1,2', '2,1', '2,2']);
  });

  it('keeps a hole that touches the outline at one corner as a separate ring (valid polygon)', () => {
    // 3×3 block without the centre (1,1) and the corner (2,2): the hole meets the notch at corner (2,2).
    const cells: Array<[number, number]> = [[0, 0], [1, 0], [2, 0], [0, 1], [2, 1], [0, 2], [1, 2]];
    const rings = gridRings(cells, setOf(cells)).sort((a, b) => b.area - a.area);
    expect(rings.map((r) => r.area)).toEqual([7 + 1, -1]);
    for (const { ring } of rings) expect(new Set(ring.slice(0, -1).map((p) => p.join(','))).size).toBe(ring.length - 1);
    expect(booleanValid(polygon(rings.map((r) => r.ring)))).toBe(true);
  });
});
