import { describe, expect, it } from 'vitest';
import { osmWayModes } from '../../api/src/import/osm-way-modes.ts';

const m = (tags: Record<string, string>) => {
  const r = osmWayModes(tags);
  return r && { modes: r.modes.join('+'), oneway: r.oneway, reversed: r.reversed, cls: r.roadClass };
};

describe('osmWayModes', () => {
  it.each([
    [{ highway: 'residential' }, { modes: 'walk+bike+car', oneway: false, reversed: false, cls: 'residential' }],
    [{ highway: 'primary_link' }, { modes: 'walk+bike+car', oneway: false, reversed: false, cls: 'primary' }],
    [{ highway: 'footway' }, { modes: 'walk', oneway: false, reversed: false, cls: 'footway' }],
    [{ highway: 'steps' }, { modes: 'walk', oneway: false, reversed: false, cls: 'steps' }],
    [{ highway: 'path' }, { modes: 'walk+bike', oneway: false, reversed: false, cls: 'path' }],
    [{ highway: 'track' }, { modes: 'walk+bike', oneway: false, reversed: false, cls: 'track' }],
    [{ highway: 'track', motor_vehicle: 'yes' }, { modes: 'walk+bike+car', oneway: false, reversed: false, cls: 'track' }],
    [{ highway: 'pedestrian' }, { modes: 'walk', oneway: false, reversed: false, cls: 'pedestrian' }],
    [{ highway: 'living_street' }, { modes: 'walk+bike+car', oneway: false, reversed: false, cls: 'living_street' }],
    [{ highway: 'motorway' }, { modes: 'car', oneway: true, reversed: false, cls: 'motorway' }],
    [{ highway: 'motorway_link', oneway: 'no' }, { modes: 'car', oneway: false, reversed: false, cls: 'motorway' }],
    [{ highway: 'trunk' }, { modes: 'walk+car', oneway: false, reversed: false, cls: 'trunk' }],
    [{ highway: 'trunk', foot: 'no' }, { modes: 'car', oneway: false, reversed: false, cls: 'trunk' }],
    [{ highway: 'residential', oneway: 'yes' }, { modes: 'walk+bike+car', oneway: true, reversed: false, cls: 'residential' }],
    [{ highway: 'residential', oneway: 'true' }, { modes: 'walk+bike+car', oneway: true, reversed: false, cls: 'residential' }],
    [{ highway: 'residential', oneway: '1' }, { modes: 'walk+bike+car', oneway: true, reversed: false, cls: 'residential' }],
    [{ highway: 'residential', oneway: '-1' }, { modes: 'walk+bike+car', oneway: true, reversed: true, cls: 'residential' }],
    [{ highway: 'tertiary', junction: 'roundabout' }, { modes: 'walk+bike+car', oneway: true, reversed: false, cls: 'tertiary' }],
    [{ highway: 'service', access: 'private' }, null],
    [{ highway: 'service', access: 'no', foot: 'yes' }, { modes: 'walk', oneway: false, reversed: false, cls: 'service' }],
    [{ highway: 'residential', motor_vehicle: 'no' }, { modes: 'walk+bike', oneway: false, reversed: false, cls: 'residential' }],
    [{ highway: 'residential', motorcar: 'no' }, { modes: 'walk+bike', oneway: false, reversed: false, cls: 'residential' }],
    [{ highway: 'residential', oneway: 'yes', motor_vehicle: 'no' }, { modes: 'walk+bike', oneway: false, reversed: false, cls: 'residential' }],
    [{ highway: 'cycleway' }, { modes: 'walk+bike', oneway: false, reversed: false, cls: 'cycleway' }],
    [{ highway: 'road' }, { modes: 'walk+bike+car', oneway: false, reversed: false, cls: 'other' }],
    [{ highway: 'construction' }, null],
    [{ highway: 'proposed' }, null],
    [{ highway: 'platform' }, null],
    [{ building: 'yes' }, null],
  ])('%j', (tags, want) => {
    expect(m(tags as Record<string, string>)).toEqual(want);
  });
});
