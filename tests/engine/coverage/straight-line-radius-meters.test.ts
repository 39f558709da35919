import { describe, expect, it } from 'vitest';
import { straightLineRadiusMeters } from '../../../api/src/engine/coverage/straight-line-radius-meters';
import { EngineInputError } from '../../../api/src/engine/types';

describe('straightLineRadiusMeters', () => {
  it('is speed × minutes ÷ detour', () => {
    expect(straightLineRadiusMeters(4.5, 15, 1.3)).toBeCloseTo(1125 / 1.3, 9); // 4.5 km/h × 15 min = 1,125 m
    expect(straightLineRadiusMeters(15, 10, 1)).toBeCloseTo(2500, 9);
    expect(straightLineRadiusMeters(3, 5, 1.3)).toBeCloseTo(250 / 1.3, 9);
  });

  it('rejects zero speed or detour', () => {
    expect(() => straightLineRadiusMeters(0, 15, 1.3)).toThrow(EngineInputError);
    expect(() => straightLineRadiusMeters(4.5, 15, 0)).toThrow(EngineInputError);
  });
});
