import {
  PHONE_MESSAGE,
  PHONE_PATTERN,
  type FederationDetail,
  type FieldError,
  type ServiceCategoryKey,
  type SiteInput,
  type SiteKind,
  type SiteSummary,
  type UpdateFederationProfileRequest,
  type UpdateSiteRequest,
  type WeeklyOpening,
} from '@wfh/shared';
import { tooLongProblems } from '../../hooks/useFormCheck';
import type { LatLng } from '../../utils/coords';
import type { FormProblem } from '../../utils/requests';

/**
 * 「我的阵地」's two forms as she fills them in: the body's contact details and a site. Pure, so the
 * rules are tested without a page; what only the server knows comes back by field (fieldOfServer).
 */

export const PLACE_LIMITS = { name: 80, address: 200, phone: 32, officeHours: 100 } as const;

/** Mondays to Fridays, 08:30 to 17:00: what most 妇女之家 keep, offered for a new one. */
const WORKDAYS = [1, 2, 3, 4, 5];
const DEFAULT_OPENS = '08:30';
const DEFAULT_CLOSES = '17:00';

export const NEEDS_LOCATION = '请设定位置：站在那里点「我就在这里」，或在地图上选';

function phoneProblem(phone: string): FormProblem[] {
  const typed = phone.trim();
  return typed !== '' && !PHONE_PATTERN.test(typed) ? [{ field: 'phone', message: PHONE_MESSAGE }] : [];
}

const sameLocation = (a: LatLng | null, b: LatLng | null) =>
  a === null || b === null ? a === b : a.latitude === b.latitude && a.longitude === b.longitude;

/** '' on the form means "none": the server clears it. */
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

// ---- the body ----

export interface ProfileDraft {
  address: string;
  phone: string;
  officeHours: string;
  location: LatLng | null;
}

export function profileDraftOf(body: FederationDetail): ProfileDraft {
  return {
    address: body.address ?? '',
    phone: body.phone ?? '',
    officeHours: body.officeHours ?? '',
    location: body.latitude !== null && body.longitude !== null ? { latitude: body.latitude, longitude: body.longitude } : null,
  };
}

export const profileProblems = (draft: ProfileDraft): FormProblem[] => [
  ...tooLongProblems([
    ['address', '地址', draft.address, PLACE_LIMITS.address],
    ['officeHours', '办公时间', draft.officeHours, PLACE_LIMITS.officeHours],
  ]),
  ...phoneProblem(draft.phone),
];

/** Only what she changed: a field left alone is not sent, so nobody else's edit is overwritten. */
export function profileChangesOf(draft: ProfileDraft, body: FederationDetail): UpdateFederationProfileRequest {
  const changes: UpdateFederationProfileRequest = {};
  if (orNull(draft.address) !== body.address) changes.address = orNull(draft.address);
  if (orNull(draft.phone) !== body.phone) changes.phone = orNull(draft.phone);
  if (orNull(draft.officeHours) !== body.officeHours) changes.officeHours = orNull(draft.officeHours);
  const before = profileDraftOf(body).location;
  if (!sameLocation(draft.location, before)) {
    changes.latitude = draft.location?.latitude ?? null;
    changes.longitude = draft.location?.longitude ?? null;
  }
  return changes;
}

// ---- a site ----

export interface SiteDraft {
  kind: SiteKind | null;
  name: string;
  address: string;
  location: LatLng | null;
  phone: string;
  /** The days it opens (0 = Sunday), each from `opens` to `closes`. */
  days: number[];
  opens: string;
  closes: string;
  /**
   * Whether the hours are hers to send: always for a new site; for one whose hours differ from day
   * to day (a lunch break, an imported sheet) only once she changes them here.
   */
  hoursTouched: boolean;
  services: ServiceCategoryKey[];
}

export function newSiteDraft(): SiteDraft {
  return {
    kind: null,
    name: '',
    address: '',
    location: null,
    phone: '',
    days: WORKDAYS,
    opens: DEFAULT_OPENS,
    closes: DEFAULT_CLOSES,
    hoursTouched: true,
    services: [],
  };
}

/** One span a day, the same on every open day: what the simple editor shows and sends. */
export function isSimpleWeek(hours: readonly WeeklyOpening[]): boolean {
  const days = new Set(hours.map((h) => h.weekday));
  return days.size === hours.length && hours.every((h) => h.opens === hours[0].opens && h.closes === hours[0].closes);
}

export function siteDraftOf(site: SiteSummary): SiteDraft {
  const simple = isSimpleWeek(site.openingHours);
  const first = site.openingHours[0];
  return {
    kind: site.kind,
    name: site.name,
    address: site.address,
    location: { latitude: site.latitude, longitude: site.longitude },
    phone: site.phone ?? '',
    days: [...new Set(site.openingHours.map((h) => h.weekday))].sort((a, b) => a - b),
    opens: first?.opens ?? DEFAULT_OPENS,
    closes: first?.closes ?? DEFAULT_CLOSES,
    // Hours the editor can show are sent as shown; others only once she has set new ones.
    hoursTouched: simple,
    services: site.services,
  };
}

export const hoursOfDraft = (draft: SiteDraft): WeeklyOpening[] =>
  [...draft.days].sort((a, b) => a - b).map((weekday) => ({ weekday, opens: draft.opens, closes: draft.closes }));

export function siteProblems(draft: SiteDraft): FormProblem[] {
  const problems: FormProblem[] = [];
  if (draft.kind === null) problems.push({ field: 'kind', message: '请选择是哪一种阵地' });
  if (draft.name.trim() === '') problems.push({ field: 'name', message: '请填写名称，例如“懿路村妇女之家”' });
  else problems.push(...tooLongProblems([['name', '名称', draft.name, PLACE_LIMITS.name]]));
  if (draft.address.trim() === '') problems.push({ field: 'address', message: '请填写地址，让大家找得到' });
  else problems.push(...tooLongProblems([['address', '地址', draft.address, PLACE_LIMITS.address]]));
  if (draft.location === null) problems.push({ field: 'location', message: NEEDS_LOCATION });
  problems.push(...phoneProblem(draft.phone));
  if (draft.hoursTouched && draft.days.length > 0 && draft.opens === draft.closes) {
    problems.push({ field: 'hours', message: '开门和关门时间不能相同' });
  }
  return problems;
}

/** A new site; call only when siteProblems found nothing. */
export function siteInputOf(draft: SiteDraft): SiteInput {
  return {
    kind: draft.kind!,
    name: draft.name.trim(),
    address: draft.address.trim(),
    latitude: draft.location!.latitude,
    longitude: draft.location!.longitude,
    phone: orNull(draft.phone),
    openingHours: hoursOfDraft(draft),
    services: draft.services,
  };
}

/** The whole form for an existing site, but hours she has not touched stay as they are. */
export function siteChangesOf(draft: SiteDraft): UpdateSiteRequest {
  const { openingHours, ...rest } = siteInputOf(draft);
  return draft.hoursTouched ? { ...rest, openingHours } : rest;
}

/** Where a field error of the server shows on the forms: under the location, the hours, or its field. */
export function fieldOfServer(error: FieldError): string {
  if (error.field === 'latitude' || error.field === 'longitude') return 'location';
  if (error.field.startsWith('openingHours')) return 'hours';
  return error.field.split('.')[0];
}
