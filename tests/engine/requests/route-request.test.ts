import { describe, expect, it } from 'vitest';
import { maskContact, routeRequest, type RequestSiteCandidate } from '../../../api/src/engine/requests/index.ts';

const c = (siteId: string, kind: string, minutes: number): RequestSiteCandidate => ({ siteId, name: siteId, kind, townshipCode: 't', minutes });
const institute = c('inst', 'institute', 40);

describe('routeRequest', () => {
  it('inside one circle: that site', () => {
    expect(routeRequest([c('a', 'station', 9), c('b', 'station', 22)], 15, institute))
      .toEqual({ proposedSites: [{ siteId: 'a', name: 'a', minutes: 9 }], outsideCircle: false });
  });
  it('inside two: station before institute, then nearest first', () => {
    const r = routeRequest([c('i', 'institute', 3), c('far', 'station', 14), c('near', 'station', 6)], 15, institute);
    expect(r.proposedSites.map((s) => s.siteId)).toEqual(['near', 'far', 'i']);
    expect(r.outsideCircle).toBe(false);
  });
  it('outside all: the township institute, flagged', () => {
    expect(routeRequest([c('a', 'station', 16)], 15, institute)).toEqual({ proposedSites: [{ siteId: 'inst', name: 'inst', minutes: 40 }], outsideCircle: true });
  });
  it('sites that do not dispatch (squares, points) are not proposed', () => {
    expect(routeRequest([c('sq', 'square', 2)], 15, null)).toEqual({ proposedSites: [], outsideCircle: true });
  });
});

describe('maskContact', () => {
  it('masks phones and names', () => {
    expect(maskContact('13812345678', 'phone')).toBe('138****5678');
    expect(maskContact('张三丰', 'name')).toBe('张**');
    expect(maskContact('李', 'name')).toBe('*');
    expect(maskContact(null, 'phone')).toBeNull();
  });
});
