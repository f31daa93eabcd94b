import { RegionLevel } from '@wfh/shared';
import { readScope } from '../../src/database/regions/china-division-source';
import { DEMO_CITY_CODE, demoLayout, demoPhone, planeKm } from '../../src/database/seed/demo-places';

/** The codes the demo seed lays out: every county, township and village of 铁岭市, as china-division has them. */
async function demoCodes(): Promise<string[]> {
  const codes: string[] = [];
  for await (const row of readScope({ kind: 'city', code: DEMO_CITY_CODE })) {
    if ([RegionLevel.County, RegionLevel.Township, RegionLevel.Village].includes(row.level)) codes.push(row.code);
  }
  return codes;
}

describe('demo places', () => {
  let codes: string[];
  let layout: ReturnType<typeof demoLayout>;
  beforeAll(async () => {
    codes = await demoCodes();
    layout = demoLayout(codes);
  });

  it('places every demo body inside 铁岭市, the same way on every install, no two on one spot', () => {
    expect(layout.location.size).toBe(codes.length);
    for (const { latitude, longitude } of layout.location.values()) {
      expect(latitude).toBeGreaterThanOrEqual(41.98);
      expect(latitude).toBeLessThanOrEqual(43.48);
      expect(longitude).toBeGreaterThanOrEqual(123.37);
      expect(longitude).toBeLessThanOrEqual(125.1);
    }
    expect(demoLayout([...codes].reverse()).location).toEqual(layout.location);
    expect(new Set([...layout.location.values()].map((p) => `${p.latitude},${p.longitude}`)).size).toBe(codes.length);
  });

  it('keeps each county around its own real centre, apart from every other county', () => {
    // 银州区 is the city proper: its office sits where 铁岭's centre is, not 铁岭县's townships.
    expect(planeKm(layout.location.get('211202')!, { latitude: 42.29, longitude: 123.84 })).toBeLessThan(1);
    const discs = [...layout.countyDiscs.entries()];
    expect(discs).toHaveLength(7);
    for (const [a, discA] of discs) {
      for (const [b, discB] of discs) {
        if (a < b) expect(planeKm(discA, discB)).toBeGreaterThan(discA.radiusKm + discB.radiusKm);
      }
    }
    for (const code of codes) {
      const disc = layout.countyDiscs.get(code.slice(0, 6))!;
      // A hair over the radius for the rounding to six decimals.
      expect(planeKm(layout.location.get(code)!, disc)).toBeLessThanOrEqual(disc.radiusKm + 0.001);
    }
  });

  it('clusters villages around their own township, apart from the sibling townships', () => {
    const townships = codes.filter((c) => c.length === 9);
    for (const village of codes.filter((c) => c.length === 12)) {
      const own = layout.townshipDiscs.get(village.slice(0, 9))!;
      expect(planeKm(layout.location.get(village)!, own)).toBeLessThanOrEqual(own.radiusKm + 0.001);
    }
    for (const a of townships) {
      for (const b of townships) {
        if (a < b && a.slice(0, 6) === b.slice(0, 6)) {
          const [discA, discB] = [layout.townshipDiscs.get(a)!, layout.townshipDiscs.get(b)!];
          expect(planeKm(discA, discB)).toBeGreaterThan(discA.radiusKm + discB.radiusKm);
        }
      }
    }
  });

  it('refuses a county it has no real centre for rather than dropping it on a neighbour', () => {
    expect(() => demoLayout(['211299', '211299001'])).toThrow(/211299 has no centre/);
  });

  it('uses phone numbers no real line can have (a local number never starts with 0)', () => {
    expect(demoPhone(7)).toBe('0410-0000007');
    expect(demoPhone(1234)).toMatch(/^0410-0\d{6}$/);
  });
});
