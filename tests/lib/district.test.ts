import { describe, expect, it } from 'vitest';
import { districtOf, districtUrl, pageForDistrict } from '../../web/src/lib/district';

describe('the web client points district routes at the county in the address', () => {
  it('reads ?d= (six digits), else the default district', () => {
    expect(districtOf('?d=510824&lang=en')).toBe('510824');
    expect(districtOf('')).toBe('510812');
    expect(districtOf('?d=../x')).toBe('510812');
  });
  it('rewrites district routes to /api/d/<code>/…, and leaves global routes and the default district alone', () => {
    expect(districtUrl('/api/sites?kind=station', '510824')).toBe('/api/d/510824/sites?kind=station');
    expect(districtUrl('http://127.0.0.1:8787/api/coverage?minutes=15', '510824')).toBe('http://127.0.0.1:8787/api/d/510824/coverage?minutes=15');
    expect(districtUrl('/api/export/sites.csv', '510824')).toBe('/api/d/510824/export/sites.csv');
    for (const p of ['/api/session', '/api/users/u1', '/api/tokens', '/api/settings', '/api/basemaps/rivers', '/api/districts', '/api/city/overview', '/api/openapi.json'])
      expect(districtUrl(p, '510824')).toBe(p);
    expect(districtUrl('/api/sites', '510812')).toBe('/api/sites');
    expect(districtUrl('/api/d/510802/sites', '510824')).toBe('/api/d/510802/sites');
    expect(districtUrl('/resident.html', '510824')).toBe('/resident.html');
  });
  it('a page for another county keeps the language and drops the selection and map position', () => {
    expect(pageForDistrict('510824', 'http://x/?lang=en&site=s1&map=1,2,3&tab=coverage')).toBe('/?lang=en&tab=coverage&d=510824');
    expect(pageForDistrict('510812', 'http://x/?d=510824&city=1')).toBe('/');
  });
});
