import { ErrorCode } from '@wfh/shared';
import type { ModelBase } from '../../support/model-run';

/**
 * What one activity of the village should do with its seats, written from the design (first come,
 * first served; past capacity a waiting list; a seat given back goes to the first woman waiting;
 * never more confirmed than capacity; the chair checks in confirmed seats only) as a small model of
 * its own, not from the service's code.
 */

export type Woman = 'anna' | 'bea' | 'cai' | 'dora';
export type Official = 'chair' | 'staff' | 'sibChair';
export type Person = Woman | Official;
export const WOMEN: readonly Woman[] = ['anna', 'bea', 'cai', 'dora'];
export const OFFICIALS: readonly Official[] = ['chair', 'staff', 'sibChair'];
export const PEOPLE: readonly Person[] = [...WOMEN, ...OFFICIALS];
/** The village's chair and the township's staff run its activities; the other village's chair does not. */
const MANAGERS: ReadonlySet<Person> = new Set<Person>(['chair', 'staff']);
export const isManager = (who: Person) => MANAGERS.has(who);

export const NAME_OF: Record<Woman, string> = { anna: '张桂英', bea: '李秀兰', cai: '王凤芝', dora: '赵淑珍' };
/** Relatives a woman may sign up, and women the chair may add to reserved places; 王母 is in both lists. */
export const RELATIVES = [
  { name: '王母', phone: '13900000001' },
  { name: '李婶', phone: '13900000002' },
  { name: '赵奶奶', phone: '13900000003' },
] as const;
export const RESERVED_GUESTS = [
  { name: '吴大娘', phone: '13600000001' },
  { name: '郑奶奶', phone: '13600000002' },
  RELATIVES[0],
] as const;
/** A woman holds at most this many seats and waiting places at once (herself and relatives). */
const PER_WOMAN = 3;

/** Saturday 5 December 2026, 09:00–11:00 in Asia/Shanghai; sign-up from Tuesday 10:00 to Friday 18:00. */
export const SCHEDULE = {
  signupOpensAt: new Date('2026-12-01T02:00:00Z'),
  signupClosesAt: new Date('2026-12-04T10:00:00Z'),
  startsAt: new Date('2026-12-05T01:00:00Z'),
  endsAt: new Date('2026-12-05T03:00:00Z'),
};
/** Check-in runs from three hours before the start to three hours after the end. */
const CHECK_IN_MARGIN_MS = 3 * 3600_000;

export type Status = 'draft' | 'published' | 'cancelled';
export type SignupState = 'confirmed' | 'waitlisted' | 'cancelled';

export interface SignupModel {
  id: string;
  /** Null for a woman the chair added herself. */
  owner: Woman | null;
  kind: 'self' | 'relative' | 'reserved';
  name: string;
  phone: string | null;
  state: SignupState;
  /** One of the places kept for women the chair adds (not a public seat). */
  onReservedPlace: boolean;
  checkedIn: boolean;
}

export interface ActivitiesModel extends ModelBase {
  now: Date;
  id: string;
  status: Status;
  capacity: number;
  reserved: number;
  /** In the order they were made: first come, first served. */
  signups: SignupModel[];
  /** Who has been told she moved up from the waiting list, once per promotion. */
  promoted: Woman[];
}

export type Outcome = { ok: true } | { ok: false; status: number; codes: ErrorCode[] };
const OK: Outcome = { ok: true };
const refused = (status: number, ...codes: ErrorCode[]): Outcome => ({ ok: false, status, codes });

const finished = (m: ActivitiesModel) => m.status === 'published' && m.now.getTime() >= SCHEDULE.endsAt.getTime();
const active = (s: SignupModel) => s.state !== 'cancelled';
export const publicTaken = (m: ActivitiesModel) => m.signups.filter((s) => s.state === 'confirmed' && !s.onReservedPlace).length;
export const reservedTaken = (m: ActivitiesModel) => m.signups.filter((s) => s.state === 'confirmed' && s.onReservedPlace).length;
export const publicSeatsLeft = (m: ActivitiesModel) => Math.max(0, m.capacity - m.reserved - publicTaken(m));
export const waiting = (m: ActivitiesModel) => m.signups.filter((s) => s.state === 'waitlisted');

/** What women see of it: finished once a published activity has ended. */
export function statusSeen(m: ActivitiesModel): 'draft' | 'published' | 'cancelled' | 'finished' {
  return finished(m) ? 'finished' : m.status;
}

export function signupWindow(m: ActivitiesModel): 'not_yet' | 'open' | 'closed' {
  const t = m.now.getTime();
  if (t < SCHEDULE.signupOpensAt.getTime()) return 'not_yet';
  return t >= SCHEDULE.signupClosesAt.getTime() || t >= SCHEDULE.startsAt.getTime() ? 'closed' : 'open';
}

/** A seat freed (or added) goes to the women waiting, first come first served, until the start. */
function promote(m: ActivitiesModel): void {
  if (m.status !== 'published' || m.now.getTime() >= SCHEDULE.startsAt.getTime()) return;
  while (publicSeatsLeft(m) > 0) {
    const [next, ...behind] = waiting(m);
    if (!next) return;
    // The case where the order shows: a seat goes to one woman while others go on waiting.
    if (behind.length > 0 && publicSeatsLeft(m) === 1) m.reached.add('promoted the first while others wait');
    next.state = 'confirmed';
    if (next.owner) m.promoted.push(next.owner);
    m.reached.add('promoted from the waiting list');
  }
}

export function publish(m: ActivitiesModel, who: Person): Outcome {
  if (!isManager(who)) return refused(404, ErrorCode.ActivityNotFound);
  if (m.status === 'cancelled') return refused(409, ErrorCode.ActivityNotEditable);
  if (m.status === 'published') return OK;
  if (m.now.getTime() >= SCHEDULE.startsAt.getTime()) return refused(400, ErrorCode.ValidationFailed);
  m.status = 'published';
  return OK;
}

/** Her sign-up, for herself or (with `relative`) for someone she brings. */
export function signUp(m: ActivitiesModel, id: string, who: Woman, relative: (typeof RELATIVES)[number] | null): Outcome {
  if (m.status === 'draft') return refused(404, ErrorCode.ActivityNotFound);
  if (m.status === 'cancelled' || finished(m)) return refused(409, ErrorCode.ActivityNotOpen);
  if (signupWindow(m) === 'closed') return refused(409, ErrorCode.SignupClosed);
  const tooMany = m.signups.filter((s) => active(s) && s.owner === who).length >= PER_WOMAN;
  const twice = relative
    ? m.signups.some((s) => active(s) && s.phone === relative.phone)
    : m.signups.some((s) => active(s) && s.owner === who && s.kind === 'self');
  // Both are true refusals; which one she is told first is the server's choice.
  if (tooMany || twice) return refused(409, ...(tooMany ? [ErrorCode.SeatsPerWomanExceeded] : []), ...(twice ? [ErrorCode.AlreadySignedUp] : []));
  const seat = publicSeatsLeft(m) > 0;
  m.signups.push({
    id,
    owner: who,
    kind: relative ? 'relative' : 'self',
    name: relative ? relative.name : NAME_OF[who],
    phone: relative ? relative.phone : null,
    state: seat ? 'confirmed' : 'waitlisted',
    onReservedPlace: false,
    checkedIn: false,
  });
  m.reached.add(seat ? 'signed up' : 'waitlisted');
  return OK;
}

/** The chair adds a woman herself: a reserved place while there is one, else a public seat; never the waiting list. */
export function addReserved(m: ActivitiesModel, id: string, who: Person, guest: (typeof RESERVED_GUESTS)[number]): Outcome {
  if (!isManager(who)) return refused(404, ErrorCode.ActivityNotFound);
  if (m.status !== 'published' || finished(m)) return refused(409, ErrorCode.ActivityNotOpen);
  const reservedPlace = reservedTaken(m) < m.reserved;
  const noSeat = !reservedPlace && publicSeatsLeft(m) === 0;
  const twice = m.signups.some((s) => active(s) && s.phone === guest.phone);
  if (noSeat || twice) return refused(409, ...(noSeat ? [ErrorCode.ReservedSeatsFull] : []), ...(twice ? [ErrorCode.AlreadySignedUp] : []));
  m.signups.push({ id, owner: null, kind: 'reserved', name: guest.name, phone: guest.phone, state: 'confirmed', onReservedPlace: reservedPlace, checkedIn: false });
  m.reached.add(reservedPlace ? 'added to a reserved place' : 'added to a public seat');
  return OK;
}

/** She gives her seat or waiting place back; the chair may do so for a woman she added. */
export function cancelSignup(m: ActivitiesModel, s: SignupModel, who: Person): Outcome {
  const may = s.owner === who || (s.kind === 'reserved' && isManager(who));
  if (!may) return refused(404, ErrorCode.SignupNotFound);
  if (s.state === 'cancelled') return refused(409, ErrorCode.SignupAlreadyCancelled);
  const freedPublicSeat = s.state === 'confirmed' && !s.onReservedPlace;
  s.state = 'cancelled';
  m.reached.add('cancelled a sign-up');
  if (freedPublicSeat) promote(m);
  return OK;
}

export function setCapacity(m: ActivitiesModel, who: Person, capacity: number): Outcome {
  if (!isManager(who)) return refused(404, ErrorCode.ActivityNotFound);
  if (m.status === 'cancelled' || finished(m)) return refused(409, ErrorCode.ActivityNotEditable);
  if (capacity < m.reserved) return refused(400, ErrorCode.ValidationFailed);
  if (capacity - m.reserved < publicTaken(m)) return refused(422, ErrorCode.CapacityBelowTaken);
  m.reached.add(capacity > m.capacity ? 'capacity raised' : capacity < m.capacity ? 'capacity lowered' : 'capacity unchanged');
  m.capacity = capacity;
  promote(m);
  return OK;
}

export function cancelActivity(m: ActivitiesModel, who: Person): Outcome {
  if (!isManager(who)) return refused(404, ErrorCode.ActivityNotFound);
  if (m.status === 'cancelled') return OK;
  if (finished(m)) return refused(409, ErrorCode.ActivityNotEditable);
  m.status = 'cancelled';
  m.reached.add('activity cancelled');
  return OK;
}

/** The chair scans a seat's code: only a confirmed seat, once, and only around the activity's time. */
export function checkIn(m: ActivitiesModel, s: SignupModel, who: Person): Outcome {
  if (!isManager(who)) return refused(404, ErrorCode.ActivityNotFound);
  if (m.status !== 'published') return refused(409, ErrorCode.ActivityNotOpen);
  const t = m.now.getTime();
  if (t < SCHEDULE.startsAt.getTime() - CHECK_IN_MARGIN_MS || t > SCHEDULE.endsAt.getTime() + CHECK_IN_MARGIN_MS) return refused(409, ErrorCode.CheckInNotNow);
  if (s.state === 'cancelled') return refused(422, ErrorCode.CheckInSignupCancelled);
  if (s.state === 'waitlisted') return refused(422, ErrorCode.CheckInNotConfirmed);
  if (s.checkedIn) return refused(409, ErrorCode.AlreadyCheckedIn);
  s.checkedIn = true;
  m.reached.add('checked in');
  return OK;
}

/**
 * The chair takes a check-in back: any seat of this activity, at any time, and again is no error.
 * Returns whether there was one to take back (the reply's `undone`).
 */
export function undoCheckIn(m: ActivitiesModel, s: SignupModel, who: Person): Outcome & { undone?: boolean } {
  if (!isManager(who)) return refused(404, ErrorCode.ActivityNotFound);
  const undone = s.checkedIn;
  s.checkedIn = false;
  m.reached.add(undone ? 'check-in undone' : 'undo with nothing to undo');
  return { ...OK, undone };
}

/** 1 for the first woman waiting. */
export function waitlistPosition(m: ActivitiesModel, s: SignupModel): number | null {
  return s.state === 'waitlisted' ? waiting(m).indexOf(s) + 1 : null;
}
