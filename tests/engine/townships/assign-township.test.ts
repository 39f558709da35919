import { describe, expect, it } from 'vitest';
import { assignTownship } from '../../../api/src/engine/townships/assign-township';
import { EngineInputError } from '../../../api/src/engine/types';
import { makeDemand } from '../coverage-helpers';

describe('assignTownship', () => {
  const codes = ['west', 'east', 'none'];
  // Seats 0.2° apart on one parallel: the border is the meridian half-way, 106.1.
  const seats = [{ code: 'west', lng: 106.0, lat: 32.6 }, { code: 'east', lng: 106.2, lat: 32.6 }];

  it('gives each point the township of its nearest seat and marks the result approximate', () => {
    const demand = makeDemand([[105.9, 32.7, 1], [106.09, 32.5, 1], [106.11, 32.65, 1], [106.3, 32.6, 1]], codes);
    const out = assignTownship(demand, seats);
    expect([...out.townshipIndex]).toEqual([0, 0, 1, 1]);
    expect(out.townshipApproximate).toBe(true);
    expect([...demand.townshipIndex]).toEqual([-1, -1, -1, -1]); // input untouched
  });

  it('handles a single seat, no seats, and unknown codes', () => {
    const demand = makeDemand([[105.9, 32.7, 1], [106.5, 32.1, 1]], codes);
    expect([...assignTownship(demand, [seats[1]]).townshipIndex]).toEqual([1, 1]);
    expect([...assignTownship(demand, []).townshipIndex]).toEqual([-1, -1]);
    expect(() => assignTownship(demand, [{ code: 'x', lng: 106, lat: 32 }])).toThrow(EngineInputError);
  });

  it('works with seats on one parallel (collinear)', () => {
    const three = [{ code: 'west', lng: 106.02, lat: 32.6 }, { code: 'east', lng: 106.1, lat: 32.6 }, { code: 'none', lng: 106.18, lat: 32.6 }];
    const demand = makeDemand([[106.05, 32.7, 1], [106.07, 32.5, 1], [106.13, 32.61, 1], [106.15, 32.6, 1]], codes);
    expect([...assignTownship(demand, three).townshipIndex]).toEqual([0, 1, 1, 2]);
  });
});
