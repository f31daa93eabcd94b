import {
  activityStatusAt,
  publicSeatsLeft,
  signupWindowAt,
  type ActivitySummary,
  type SignupView,
} from '@wfh/shared';
import type { ActivityEntity } from './activity.entity';
import type { SignupEntity } from './signup.entity';

/** What a list shows beside each activity that is not on its row: names, and how many women wait. */
export interface ActivityNames {
  federations: Map<string, string>;
  sites: Map<string, string>;
  /** Waiting-list lengths by activity, counted from the sign-ups (ActivitiesRepository.waitlistLengths); none is 0. */
  waitlists: Map<string, number>;
}

export function toActivitySummary(a: ActivityEntity, names: ActivityNames, now: Date, distanceMetres: number | null = null): ActivitySummary {
  return {
    id: a.id,
    federationId: a.federationId,
    federationName: names.federations.get(a.federationId) ?? '',
    title: a.title,
    category: a.category,
    status: activityStatusAt(a.status, a.endsAt, now),
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    signupOpensAt: a.signupOpensAt.toISOString(),
    signupClosesAt: a.signupClosesAt.toISOString(),
    signupWindow: signupWindowAt({ opensAt: a.signupOpensAt, closesAt: a.signupClosesAt, startsAt: a.startsAt }, now),
    address: a.address,
    siteId: a.siteId,
    siteName: a.siteId ? (names.sites.get(a.siteId) ?? null) : null,
    latitude: a.latitude,
    longitude: a.longitude,
    capacity: a.capacity,
    seatsLeft: a.status === 'published' ? publicSeatsLeft({ capacity: a.capacity, reserved: a.reservedSeats, publicTaken: a.publicTaken }) : 0,
    waitlistLength: names.waitlists.get(a.id) ?? 0,
    distanceMetres: distanceMetres === null ? null : Math.round(distanceMetres),
  };
}

export interface Attendee {
  name: string;
  phone: string;
}

/** Her own view of a seat; the check-in token and code only go to the woman who holds it. */
export function toSignupView(
  s: SignupEntity,
  attendee: Attendee | null,
  waitlistPosition: number | null,
  codes: { token: string; shortCode: string | null } | null,
): SignupView {
  const confirmed = s.state === 'confirmed';
  return {
    id: s.id,
    activityId: s.activityId,
    kind: s.kind,
    state: s.state,
    attendeeName: attendee?.name ?? '本人',
    waitlistPosition: s.state === 'waitlisted' ? waitlistPosition : null,
    checkInToken: confirmed && codes ? codes.token : null,
    shortCode: confirmed && codes ? codes.shortCode : null,
    checkedInAt: s.checkedInAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
  };
}
