import { ApiPaths, pathOf } from '../src/api';
import { distanceMetres, formatDistance } from '../src/geo';

describe('distanceMetres', () => {
  it.each([
    // 铁岭市 centre to 沈阳 (about 66 km), a tiny step, and the same point.
    [{ latitude: 42.286, longitude: 123.842 }, { latitude: 41.8057, longitude: 123.4315 }, 63_000, 66_000],
    [{ latitude: 42.0, longitude: 123.0 }, { latitude: 42.0001, longitude: 123.0 }, 11, 11.2],
    [{ latitude: 42.0, longitude: 123.0 }, { latitude: 42.0, longitude: 123.0 }, 0, 0],
  ])('%j to %j lies in [%d, %d] m', (a, b, min, max) => {
    const d = distanceMetres(a, b);
    expect(d).toBeGreaterThanOrEqual(min);
    expect(d).toBeLessThanOrEqual(max);
  });
});

describe('formatDistance', () => {
  it.each([
    [0.4, '1米'],
    [850.4, '850米'],
    [3240, '3.2公里'],
    [23_600, '24公里'],
  ])('%d m reads %s', (metres, text) => {
    expect(formatDistance(metres)).toBe(text);
  });
});

describe('pathOf', () => {
  it('fills and encodes parameters', () => {
    expect(pathOf(ApiPaths.federation, { id: '211221' })).toBe('/api/v1/federations/211221');
    expect(pathOf(ApiPaths.regionChildren, { code: 'a/b' })).toBe('/api/v1/regions/a%2Fb/children');
  });
  it('refuses a missing parameter instead of calling a wrong address', () => {
    expect(() => pathOf(ApiPaths.site, {})).toThrow(':id');
  });
});
