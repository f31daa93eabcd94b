import {
  placeNameOf,
  REGION_LEVEL_LABELS,
  SERVICE_CATEGORY_NAMES,
  SITE_KIND_LABELS,
  type RegionLevel,
  type ServiceCategoryKey,
  type SiteKind,
} from '@wfh/shared';

/** What a place is, in a few words: "妇女微家", "村（社区）妇联". */
export function placeKindLabel(place: { kind: SiteKind | null; level: RegionLevel | null }): string {
  if (place.kind !== null) return SITE_KIND_LABELS[place.kind];
  if (place.level !== null) return `${REGION_LEVEL_LABELS[place.level]}妇联`;
  return '';
}

export function serviceNames(services: readonly ServiceCategoryKey[]): string {
  return services.map((key) => SERVICE_CATEGORY_NAMES[key]).join('、');
}

export const PATH_SEPARATOR = ' › ';

/**
 * Paths come with the statistical names of village committees ("懿路村民委员会"); she knows the
 * place as "懿路村".
 */
export function readablePath(path: string): string {
  return path
    .split(PATH_SEPARATOR)
    .filter((part) => part !== '')
    .map(placeNameOf)
    .join(PATH_SEPARATOR);
}

/** Only a village or community (a 12-digit division code) can be her home. */
export function isVillageCode(code: string): boolean {
  return /^\d{12}$/.test(code);
}
