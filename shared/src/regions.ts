/**
 * China's statistical division codes name the five levels of the federation hierarchy:
 * 2 digits province, +2 city, +2 county, +3 township/street, +3 village/community.
 * A federation body of a region has the region's code as its id, so "is X inside Y's subtree"
 * is a prefix test on codes.
 */
export enum RegionLevel {
  Province = 'province',
  City = 'city',
  County = 'county',
  Township = 'township',
  Village = 'village',
}

export const REGION_LEVELS_TOP_DOWN: readonly RegionLevel[] = [
  RegionLevel.Province,
  RegionLevel.City,
  RegionLevel.County,
  RegionLevel.Township,
  RegionLevel.Village,
];

const CODE_LENGTH_BY_LEVEL: Record<RegionLevel, number> = {
  [RegionLevel.Province]: 2,
  [RegionLevel.City]: 4,
  [RegionLevel.County]: 6,
  [RegionLevel.Township]: 9,
  [RegionLevel.Village]: 12,
};

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  [RegionLevel.Province]: '省级',
  [RegionLevel.City]: '市级',
  [RegionLevel.County]: '县级',
  [RegionLevel.Township]: '乡镇（街道）',
  [RegionLevel.Village]: '村（社区）',
};

const CODE_PATTERN = /^\d+$/;

export function regionCodeLength(level: RegionLevel): number {
  return CODE_LENGTH_BY_LEVEL[level];
}

/** The level a code names, or null when it is not a well-formed division code. */
export function regionLevelOf(code: string): RegionLevel | null {
  if (!CODE_PATTERN.test(code)) return null;
  return REGION_LEVELS_TOP_DOWN.find((level) => CODE_LENGTH_BY_LEVEL[level] === code.length) ?? null;
}

export function isValidRegionCode(code: string): boolean {
  return regionLevelOf(code) !== null;
}

export function parentRegionCode(code: string): string | null {
  const level = regionLevelOf(code);
  if (level === null || level === RegionLevel.Province) return null;
  const parentLevel = REGION_LEVELS_TOP_DOWN[REGION_LEVELS_TOP_DOWN.indexOf(level) - 1];
  return code.slice(0, CODE_LENGTH_BY_LEVEL[parentLevel]);
}

/** Codes of every ancestor, province first, not including the code itself. */
export function ancestorRegionCodes(code: string): string[] {
  const ancestors: string[] = [];
  for (let parent = parentRegionCode(code); parent !== null; parent = parentRegionCode(parent)) {
    ancestors.unshift(parent);
  }
  return ancestors;
}

/** True when `code` is `rootCode` itself or lies anywhere below it. */
export function isWithinRegion(code: string, rootCode: string): boolean {
  return isValidRegionCode(code) && isValidRegionCode(rootCode) && code.startsWith(rootCode);
}

const COMMITTEE_SUFFIXES: ReadonlyArray<[suffix: string, replacement: string]> = [
  ['村民委员会', '村'],
  ['居民委员会', '社区'],
  ['村委会', '村'],
  ['居委会', '社区'],
];

/** Statistical names of village committees ("多福巷社区居委会") to the everyday place name ("多福巷社区"). */
export function placeNameOf(regionName: string): string {
  for (const [suffix, replacement] of COMMITTEE_SUFFIXES) {
    if (regionName.endsWith(suffix)) {
      const stem = regionName.slice(0, -suffix.length);
      return stem.endsWith(replacement) ? stem : stem + replacement;
    }
  }
  return regionName;
}

/** City-level placeholders in the statistical data for municipalities ("市辖区", "县"). */
const PLACEHOLDER_REGION_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/**
 * The name of a region's women's federation body: "铁岭县" → "铁岭县妇联".
 * Placeholder city levels of municipalities carry their province's name so that they stay recognisable.
 */
export function federationNameFor(regionName: string, parentRegionName?: string): string {
  const place = placeNameOf(regionName);
  if (PLACEHOLDER_REGION_NAMES.has(place) && parentRegionName) return `${parentRegionName}${place}妇联`;
  return `${place}妇联`;
}
