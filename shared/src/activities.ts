/**
 * Activities a federation body runs: screenings, talks, classes, council meetings. Contracts and the
 * pure rules both sides need (what state an activity is in, how many seats are left, when sign-up is
 * open, when reminders go out).
 */
import { QUIET_HOURS, SHANGHAI_OFFSET_MS, afterQuietHours, inQuietHours, shanghaiWallClock } from './shanghai-time';

export enum ActivityCategory {
  Screening = 'screening',
  LegalTalk = 'legal_talk',
  Parenting = 'parenting',
  Skills = 'skills',
  FamilyEvent = 'family_event',
  Council = 'council',
  Culture = 'culture',
  Other = 'other',
}

export const ACTIVITY_CATEGORY_LABELS: Record<ActivityCategory, string> = {
  [ActivityCategory.Screening]: '两癌筛查',
  [ActivityCategory.LegalTalk]: '法律讲座',
  [ActivityCategory.Parenting]: '家庭教育',
  [ActivityCategory.Skills]: '技能培训',
  [ActivityCategory.FamilyEvent]: '最美家庭',
  [ActivityCategory.Council]: '妇女议事会',
  [ActivityCategory.Culture]: '文体活动',
  [ActivityCategory.Other]: '其他活动',
};

/** As stored. "Finished" is never stored: a published activity is finished once it has ended. */
export type StoredActivityStatus = 'draft' | 'published' | 'cancelled';

export type ActivityStatus = StoredActivityStatus | 'finished';

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
  finished: '已结束',
};

export const ACTIVITY_LIMITS = {
  title: 60,
  description: 2000,
  address: 200,
  cancelReason: 200,
  attendeeName: 40,
  maxCapacity: 10_000,
  /** Herself plus relatives or older women she helps: one woman cannot take a room's seats alone. */
  seatsPerWoman: 3,
} as const;

export function activityStatusAt(stored: StoredActivityStatus, endsAt: Date, now: Date): ActivityStatus {
  return stored === 'published' && now.getTime() >= endsAt.getTime() ? 'finished' : stored;
}

export type SignupWindowState = 'not_yet' | 'open' | 'closed';

/** Sign-up is open from its opening time until it closes, and never after the activity has started. */
export function signupWindowAt(window: { opensAt: Date; closesAt: Date; startsAt: Date }, now: Date): SignupWindowState {
  const t = now.getTime();
  if (t < window.opensAt.getTime()) return 'not_yet';
  if (t >= window.closesAt.getTime() || t >= window.startsAt.getTime()) return 'closed';
  return 'open';
}

/** Seats women can take themselves: the capacity less the places kept for women the chair adds. */
export function publicSeatsLeft(seats: { capacity: number; reserved: number; publicTaken: number }): number {
  return Math.max(0, seats.capacity - seats.reserved - seats.publicTaken);
}

/** The plain words under the title: "剩余3个名额" / "名额已满，候补5人". */
export function seatsLabel(seatsLeft: number, waitlistLength: number): string {
  if (seatsLeft > 0) return `剩余${seatsLeft}个名额`;
  return waitlistLength > 0 ? `名额已满，候补${waitlistLength}人` : '名额已满，可以候补';
}

const HOUR_MS = 3600_000;
/** A day-before reminder that would fall in the night goes out the evening before instead. */
const EVENING_HOUR = 21;

export type ReminderKind = 'day_before' | 'two_hours_before';

/** The same Shanghai date as `at`, or the day before when `at` is past midnight, at the given hour. */
function eveningBefore(at: Date, hour: number): Date {
  const local = shanghaiWallClock(at);
  if (local.getUTCHours() < QUIET_HOURS.until) local.setUTCDate(local.getUTCDate() - 1);
  local.setUTCHours(hour, 0, 0, 0);
  return new Date(local.getTime() - SHANGHAI_OFFSET_MS);
}

/**
 * When a woman signed up for an activity starting at `startsAt` is reminded: the day before and two
 * hours before, never between 22:00 and 07:00, and never for a time already past.
 */
export function reminderTimes(startsAt: Date, now: Date): { kind: ReminderKind; at: Date }[] {
  const reminders: { kind: ReminderKind; at: Date }[] = [];
  let dayBefore = new Date(startsAt.getTime() - 24 * HOUR_MS);
  if (inQuietHours(dayBefore)) dayBefore = eveningBefore(dayBefore, EVENING_HOUR);
  let twoHours = new Date(startsAt.getTime() - 2 * HOUR_MS);
  if (inQuietHours(twoHours)) {
    // Before dawn: 07:00 if that is still ahead of the start, else the evening before.
    const atSeven = afterQuietHours(twoHours);
    twoHours = atSeven.getTime() < startsAt.getTime() ? atSeven : eveningBefore(twoHours, EVENING_HOUR);
  }
  if (dayBefore.getTime() > now.getTime()) reminders.push({ kind: 'day_before', at: dayBefore });
  // Two reminders within three hours of each other read as one too many.
  const closeToFirst = reminders.length > 0 && twoHours.getTime() - dayBefore.getTime() < 3 * HOUR_MS;
  if (twoHours.getTime() > now.getTime() && !closeToFirst) reminders.push({ kind: 'two_hours_before', at: twoHours });
  return reminders;
}

/** 138****5678: enough for her to recognise her own number, not enough to call her. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

// ---- contracts ----

export interface ActivityInput {
  title: string;
  description: string;
  category: ActivityCategory;
  /** At one of the body's sites, or at a free address with its own location. */
  siteId?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  startsAt: string;
  endsAt: string;
  signupOpensAt: string;
  signupClosesAt: string;
  capacity: number;
  /** Places kept for women the chair adds herself (e.g. 困难妇女); part of the capacity. */
  reservedSeats?: number;
  /** Whether a woman may sign up a relative or an older woman she helps. */
  relativesAllowed?: boolean;
}

export type UpdateActivityInput = Partial<ActivityInput>;

export interface CancelActivityInput {
  reason: string;
}

export interface ActivitySummary {
  id: string;
  federationId: string;
  federationName: string;
  title: string;
  category: ActivityCategory;
  status: ActivityStatus;
  startsAt: string;
  endsAt: string;
  signupOpensAt: string;
  signupClosesAt: string;
  signupWindow: SignupWindowState;
  address: string;
  siteId: string | null;
  siteName: string | null;
  latitude: number;
  longitude: number;
  capacity: number;
  seatsLeft: number;
  waitlistLength: number;
  /** Metres from the point asked about, when one was given. */
  distanceMetres: number | null;
}

export interface ActivityDetail extends ActivitySummary {
  description: string;
  reservedSeats: number;
  reservedTaken: number;
  confirmedCount: number;
  relativesAllowed: boolean;
  cancelReason: string | null;
  /** What she herself holds for this activity (her own seat and those of relatives), when signed in. */
  mySignups: SignupView[];
  /** Whether the caller may edit it, see its attendees and check women in. */
  canManage: boolean;
}

export interface ActivitiesQuery {
  latitude?: number;
  longitude?: number;
  radiusMetres?: number;
  /** Her village or community: its own activities and those of its township. */
  federationId?: string;
  category?: ActivityCategory;
  limit?: number;
}

export type SignupState = 'confirmed' | 'waitlisted' | 'cancelled';

export type SignupKind = 'self' | 'relative' | 'reserved';

export const SIGNUP_STATE_LABELS: Record<SignupState, string> = {
  confirmed: '报名成功',
  waitlisted: '候补中',
  cancelled: '已取消',
};

export interface SignupInput {
  /** Absent: herself. Present: a relative or an older woman she helps, each taking a seat. */
  attendee?: { name: string; phone: string };
}

/** The chair adds a woman to a reserved place (she may not use WeChat). */
export interface ReservedSignupInput {
  name: string;
  phone: string;
  /** She agreed to her name and phone being recorded for the activity. */
  consentRecorded: boolean;
}

export interface SignupView {
  id: string;
  activityId: string;
  kind: SignupKind;
  state: SignupState;
  /** Who takes the seat: "本人" for herself, else the name she gave. */
  attendeeName: string;
  /** 1 for the first woman waiting; null unless waitlisted. */
  waitlistPosition: number | null;
  /** The QR content and the six digits a chair can type instead; only to the woman who holds it. */
  checkInToken: string | null;
  shortCode: string | null;
  checkedInAt: string | null;
  createdAt: string;
}

export interface MySignup extends SignupView {
  activity: ActivitySummary;
}

export interface AttendeeView {
  signupId: string;
  kind: SignupKind;
  state: SignupState;
  /** The name she gave for a relative or an added woman, else the account's name; null: none (`personLabel`). */
  name: string | null;
  /** Her place in the order of sign-up for this activity, fixed when she signed up: 报名者 3. */
  number: number;
  /** Masked (138****5678). */
  phone: string | null;
  waitlistPosition: number | null;
  checkedInAt: string | null;
  signedUpAt: string;
}

export interface AttendeeList {
  confirmed: AttendeeView[];
  waitlisted: AttendeeView[];
  checkedIn: number;
}

export interface CheckInInput {
  /** What the QR code holds, the six-digit short code, or the sign-up id from the attendee list (tapped by name). */
  code: string;
}

export interface CheckInResult {
  signupId: string;
  /** As in AttendeeView: null means no name, shown as `personLabel(name, { as: 'attendee', number })`. */
  name: string | null;
  number: number;
  checkedInAt: string;
}

/** A check-in taken back: the seat stands as not checked in whichever way it stood before. */
export interface CheckInUndone {
  signupId: string;
  name: string | null;
  number: number;
  /** false when she was not (or no longer) checked in: nothing changed, and nothing is wrong. */
  undone: boolean;
}
