import { RegionLevel, ServiceCategoryKey, SiteKind, type LocalMoment } from '@wfh/shared';
import { BodyTable } from '../../src/modules/places/body-table';
import { PlaceCatalog as Catalog } from '../../src/modules/places/place-catalog';
import type { BodyRow, IndexedSite } from '../../src/modules/places/places.repository';

const ORIGIN = { latitude: 42.2, longitude: 123.7 };
const ALWAYS = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' }));
const TUESDAY_NOON: LocalMoment = {
  date: '2026-12-01',
  weekday: 2,
  minutes: 12 * 60,
  dayKind: 'workday',
  previous: { date: '2026-11-30', weekday: 1, dayKind: 'workday' },
};

/** A site `north` degrees of latitude north of the origin (0.01° ≈ 1.1 km). */
function site(id: string, north: number, extra: Partial<IndexedSite> = {}): IndexedSite {
  return {
    id,
    federationId: '211221101200',
    kind: SiteKind.WomensHome,
    name: `${id}妇女之家`,
    address: '某地',
    latitude: ORIGIN.latitude + north,
    longitude: ORIGIN.longitude,
    phone: null,
    openingHours: ALWAYS,
    openingExceptions: [],
    services: [ServiceCategoryKey.LegalAid],
    isDemo: false,
    ...extra,
  };
}

function body(id: string, regionName: string, level: RegionLevel, north: number | null, extra: Partial<BodyRow> = {}): BodyRow {
  return {
    id,
    regionName,
    name: `${regionName}妇联`,
    level,
    latitude: north === null ? null : ORIGIN.latitude + north,
    longitude: north === null ? null : ORIGIN.longitude,
    locationIsDemo: false,
    address: null,
    phone: null,
    ...extra,
  };
}

/** The catalog from plain rows, as the repository would give them. */
const build = (sites: IndexedSite[], bodies: BodyRow[], includeDemo: boolean) => Catalog.build(sites, BodyTable.from(bodies), includeDemo);

const near = (catalog: Catalog, query: Record<string, unknown> = {}) =>
  catalog.nearest({ ...ORIGIN, ...query }, TUESDAY_NOON).map((p) => `${p.type}:${p.id}`);

describe('PlaceCatalog.nearest', () => {
  const catalog = build(
    [
      site('c', 0.03),
      site('a', 0.01),
      site('b', 0.02, { kind: SiteKind.WomensMicroHome, services: [ServiceCategoryKey.Counselling] }),
      site('closed', 0.005, { openingHours: [] }),
    ],
    [body('211221101', '新台子镇', RegionLevel.Township, 0.015), body('211221', '铁岭县', RegionLevel.County, null)],
    false,
  );

  it('orders by distance and gives whole metres', () => {
    const places = catalog.nearest({ ...ORIGIN }, TUESDAY_NOON);
    expect(places.map((p) => p.id)).toEqual(['closed', 'a', '211221101', 'b', 'c']);
    expect(places[1].distanceMetres).toBe(1112);
    expect(places[1].openNow).toBe(true);
    expect(places[0].openNow).toBe(false);
    expect(places[2]).toMatchObject({ type: 'body', level: 'township', openNow: null });
  });

  it('keeps k and the radius', () => {
    expect(near(catalog, { k: 2 })).toEqual(['site:closed', 'site:a']);
    expect(near(catalog, { radiusMetres: 1500 })).toEqual(['site:closed', 'site:a']);
  });

  it('filters by type, kind, service and open now; site filters leave bodies out', () => {
    expect(near(catalog, { type: 'body' })).toEqual(['body:211221101']);
    expect(near(catalog, { type: 'site', k: 2 })).toEqual(['site:closed', 'site:a']);
    expect(near(catalog, { kind: SiteKind.WomensMicroHome })).toEqual(['site:b']);
    expect(near(catalog, { service: ServiceCategoryKey.Counselling })).toEqual(['site:b']);
    expect(near(catalog, { openNow: true, k: 1 })).toEqual(['site:a']);
  });

  it('breaks ties the same way every time: type, then id', () => {
    const tied = build([site('z', 0.01), site('m', 0.01)], [body('211221101', '新台子镇', RegionLevel.Township, 0.01)], false);
    expect(near(tied)).toEqual(['body:211221101', 'site:m', 'site:z']);
  });

  it('shows demo sites and demo locations only where demo data is allowed', () => {
    const sites = [site('real', 0.02), site('demo', 0.01, { isDemo: true })];
    const bodies = [body('211221101', '新台子镇', RegionLevel.Township, 0.005, { locationIsDemo: true })];
    expect(near(build(sites, bodies, false))).toEqual(['site:real']);
    expect(near(build(sites, bodies, true))).toEqual(['body:211221101', 'site:demo', 'site:real']);
  });

  it('adds, replaces and removes one site without touching the rest', () => {
    const added = catalog.withSite('new', site('new', 0.001));
    expect(near(added, { k: 1 })).toEqual(['site:new']);
    const moved = added.withSite('new', site('new', 0.5));
    expect(near(moved, { k: 1 })).toEqual(['site:closed']);
    const removed = moved.withSite('a', null);
    expect(near(removed, { type: 'site' })).not.toContain('site:a');
    expect(near(catalog, { type: 'site' })).toContain('site:a');
  });

  it("patches one body's details in place of a rebuild, leaving the old snapshot as it was", () => {
    const township = body('211221101', '新台子镇', RegionLevel.Township, 0.015);
    const phoned = catalog.withBody('211221101', { ...township, phone: '0410-1234567', address: '镇政府二楼' })!;
    expect(phoned.nearest({ ...ORIGIN, type: 'body' }, TUESDAY_NOON)[0]).toMatchObject({ phone: '0410-1234567', address: '镇政府二楼' });
    expect(catalog.nearest({ ...ORIGIN, type: 'body' }, TUESDAY_NOON)[0]).toMatchObject({ phone: null, address: null });

    const moved = phoned.withBody('211221101', { ...township, latitude: ORIGIN.latitude + 0.001, phone: '0410-1234567' })!;
    expect(near(moved, { k: 1 })).toEqual(['body:211221101']);
    expect(near(moved, { type: 'body', radiusMetres: 500 })).toEqual(['body:211221101']);
    expect(near(phoned, { type: 'body', radiusMetres: 500 })).toEqual([]);

    // The county had no location; now it has one. And a demo location stays hidden in production.
    const county = body('211221', '铁岭县', RegionLevel.County, 0.002);
    expect(near(moved.withBody('211221', county)!, { type: 'body' })).toEqual(['body:211221101', 'body:211221']);
    expect(near(moved.withBody('211221', { ...county, locationIsDemo: true })!, { type: 'body' })).toEqual(['body:211221101']);
    const cleared = moved.withBody('211221101', { ...township, latitude: null, longitude: null })!;
    expect(near(cleared, { type: 'body' })).toEqual([]);
    expect(near(cleared, { type: 'site' })).toEqual(near(catalog, { type: 'site' }));
  });

  it('a body switched on or off is no patch: the caller rebuilds', () => {
    expect(catalog.withBody('211221101', null)).toBeNull();
    expect(catalog.withBody('211221101200', body('211221101200', '懿路村', RegionLevel.Village, 0.001))).toBeNull();
    expect(catalog.withBody('211221101200', null)).toBe(catalog);
  });

  it('an empty catalog answers with nothing', () => {
    expect(build([], [], false).nearest({ ...ORIGIN }, TUESDAY_NOON)).toEqual([]);
  });
});

describe('PlaceCatalog.search', () => {
  const catalog = build(
    [site('s1', 0.01, { name: '莲花村妇女之家' })],
    [
      body('2101', '莲花市', RegionLevel.City, null),
      body('210101001', '莲花湖街道', RegionLevel.Township, null),
      body('210101001001', '莲花社区居委会', RegionLevel.Village, null),
      body('210101002', '北莲花镇', RegionLevel.Township, null),
      body('210101003', '新台子镇', RegionLevel.Township, null),
      body('210101003001', '莲花村民委员会', RegionLevel.Village, null),
    ],
    false,
  );
  const ids = (q: string, limit = 20) => catalog.search(q, limit).map((m) => m.id);

  it('finds partial Chinese names: "莲花" finds 莲花湖街道, exact names first, then prefixes by level, then the rest', () => {
    expect(ids('莲花')).toEqual(['2101', '210101001', '210101001001', '210101003001', 's1', '210101002']);
  });

  it('matches the everyday place name of a committee: "莲花村" is 莲花村民委员会', () => {
    expect(ids('莲花村')).toEqual(['210101003001', 's1']);
  });

  it('keeps to the limit, trims the text, and finds nothing for blanks', () => {
    expect(ids(' 莲花 ', 2)).toEqual(['2101', '210101001']);
    expect(ids('   ')).toEqual([]);
    expect(ids('不存在的地方')).toEqual([]);
  });
});
