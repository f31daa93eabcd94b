import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  ACTIVITY_LIMITS,
  ErrorCode,
  Permission,
  activityStatusAt,
  can,
  maskPhone,
  personLabel,
  publicSeatsLeft,
  signupWindowAt,
  type Actor,
  type AttendeeList,
  type AttendeeView,
  type CheckInResult,
  type CheckInUndone,
  type MySignup,
  type ReservedSignupInput,
  type SignupInput,
  type SignupKind,
  type SignupView,
} from '@wfh/shared';
import type { EntityManager } from 'typeorm';
import { requireActor } from '../../common/auth/access';
import { AppException, badRequest, conflict, notFound, unauthorized } from '../../common/errors/app-exception';
import { isDuplicateKey } from '../../database/duplicate-key';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { sha256Hex } from '../../infra/crypto/field-cipher';
import { audit } from '../audit/audit';
import { ActivitiesRepository } from './activities.repository';
import { ActivitiesService } from './activities.service';
import type { ActivityEntity } from './activity.entity';
import { plainDateTime, scheduleReminders, withdrawReminders } from './activity-messages';
import { toActivitySummary, type Attendee } from './activity-view';
import { CheckInCodes } from './check-in-codes';
import { SignupViews } from './signup-views';
import { SignupEntity } from './signup.entity';

/** Women are checked in from three hours before the start until three hours after the end. */
const CHECK_IN_MARGIN_MS = 3 * 3600_000;
/** A sign-up's id as the attendee list gives it. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const KIND_LABELS: Record<SignupKind, string> = { self: '本人', relative: '家人或代报', reserved: '预留名额' };

function normalisedPhone(phone: string): string {
  return phone.replace(/\D/g, '');
}

@Injectable()
export class SignupsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly activities: ActivitiesRepository,
    private readonly activityService: ActivitiesService,
    private readonly views: SignupViews,
    private readonly codes: CheckInCodes,
  ) {}

  /**
   * First come, first served: a seat if one is left, else a place on the waiting list. The seat is
   * taken by a guarded UPDATE in the same transaction as the sign-up row, never by reading first.
   * A place on the waiting list is a ticket and an INSERT: it takes no lock on the activity's row,
   * so a burst arriving after the seats are gone does not queue on it (issue #18). Her own row is
   * locked on both paths, so that her sign-ups are counted one at a time against her limit. The
   * answer is built from what the transaction wrote.
   */
  async signUp(actor: Actor | null, activityId: string, input: SignupInput): Promise<SignupView> {
    const { userId } = requireActor(actor);
    const now = this.clock.now();
    const activity = await this.openForSignup(actor, activityId, now);
    const attendee = input.attendee ? { name: input.attendee.name.trim(), phone: input.attendee.phone.trim() } : null;
    if (attendee && !activity.relativesAllowed) throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.RelativesNotAllowed);
    const kind: SignupKind = attendee ? 'relative' : 'self';
    const activeKey = attendee ? `phone:${sha256Hex(normalisedPhone(attendee.phone)).slice(0, 40)}` : `self:${userId}`;
    // A guess from the read above: a seat is tried only while one seemed left. Trying and missing
    // costs the lock of the activity's row, which is what a full activity's burst must not queue on.
    const seemsFull = publicSeatsLeft({ capacity: activity.capacity, reserved: activity.reservedSeats, publicTaken: activity.publicTaken }) === 0;

    const signup = await this.claim(async (manager) => {
      if (!(await this.activities.lockOwner(manager, userId))) throw unauthorized(ErrorCode.TokenInvalid);
      if ((await this.activities.countActiveOfOwner(manager, activityId, userId)) >= ACTIVITY_LIMITS.seatsPerWoman) {
        throw conflict(ErrorCode.SeatsPerWomanExceeded);
      }
      const seat = seemsFull ? null : await this.activities.takePublicSeat(manager, activityId);
      const seq = seat ?? (await this.activities.takeTicket(manager));
      return this.insertSignup(manager, activity, seq, {
        ownerUserId: userId,
        addedByUserId: null,
        kind,
        state: seat === null ? 'waitlisted' : 'confirmed',
        activeKey,
        attendee,
        holdsReserved: false,
      }, now);
    });
    if (signup.state === 'confirmed') return this.views.forOwnerFromWrite(signup, attendee, null);
    // Her place is counted once the women with earlier tickets are written (ticketsAheadSettled).
    await this.activities.ticketsAheadSettled(signup.seq);
    await this.activities.pruneTickets(signup.seq);
    // A seat may have come free after the read above (a cancellation found nobody waiting yet):
    // after her commit, either she sees the free seat here, or the cancellation's own check
    // (settleAfterSeatsFreed) sees her; whoever sees it promotes the first woman waiting, under the lock.
    const after = await this.activities.afterJoiningWaitlist(activityId, signup.seq);
    if (!after.published) {
      // Cancelled (or never published again) between the read and her INSERT: she holds no place on it.
      await this.activities.transaction((manager) => this.activities.updateSignup(manager, signup.id, { state: 'cancelled', activeKey: null, cancelledAt: now }));
      throw conflict(ErrorCode.ActivityNotOpen);
    }
    if (after.seatsLeft > 0) {
      await this.activityService.settleWaitlist(activityId);
      const settled = (await this.activities.findSignup(signup.id)) ?? signup;
      return (await this.views.forOwner([settled]))[0]!;
    }
    return this.views.forOwnerFromWrite(signup, attendee, after.position);
  }

  /** The chair puts a woman (often without WeChat) on one of the reserved places, or a public one when those are gone. */
  async addReserved(actor: Actor | null, activityId: string, input: ReservedSignupInput): Promise<SignupView> {
    const now = this.clock.now();
    const activity = await this.managed(actor, activityId);
    if (activityStatusAt(activity.status, activity.endsAt, now) !== 'published') throw conflict(ErrorCode.ActivityNotOpen);
    if (input.consentRecorded !== true) {
      throw badRequest(ErrorCode.ConsentRequired, [{ field: 'consentRecorded', message: '请先征得她同意登记她的姓名和电话' }]);
    }
    const attendee = { name: input.name.trim(), phone: input.phone.trim() };
    const signup = await this.claim(async (manager) => {
      const reservedSeq = await this.activities.takeReservedSeat(manager, activityId);
      const seq = reservedSeq ?? (await this.activities.takePublicSeat(manager, activityId));
      if (seq === null) throw conflict(ErrorCode.ReservedSeatsFull);
      const reserved = reservedSeq !== null;
      return this.insertSignup(manager, activity, seq, {
        ownerUserId: null,
        addedByUserId: actor!.userId,
        kind: 'reserved',
        state: 'confirmed',
        activeKey: `phone:${sha256Hex(normalisedPhone(attendee.phone)).slice(0, 40)}`,
        attendee,
        holdsReserved: reserved,
      }, now);
    });
    return (await this.views.forOwner([signup]))[0]!;
  }

  /**
   * She gives up her seat or leaves the waiting list; a freed public seat goes to the first woman
   * waiting in the same transaction. The activity row is locked first, as every seat change does,
   * so a cancellation and a promotion never wait on each other in opposite order.
   */
  async cancel(actor: Actor | null, signupId: string): Promise<SignupView> {
    const who = requireActor(actor);
    const now = this.clock.now();
    const found = await this.activities.findSignup(signupId);
    if (!found) throw notFound(ErrorCode.SignupNotFound);
    const mayCancel = found.ownerUserId === who.userId;
    let cancelled: SignupEntity | null = null;
    await this.activities.transaction(async (manager) => {
      const activity = await this.activities.lockById(manager, found.activityId);
      const signup = await this.activities.lockSignup(manager, signupId);
      if (!activity || !signup) throw notFound(ErrorCode.SignupNotFound);
      const isManager = can(actor, Permission.ManageActivities, activity.federationId);
      if (!mayCancel && !(isManager && signup.kind === 'reserved')) throw notFound(ErrorCode.SignupNotFound);
      if (signup.state === 'cancelled') throw conflict(ErrorCode.SignupAlreadyCancelled);
      cancelled = await this.release(manager, activity, signup, now);
    });
    await this.activityService.settleAfterSeatsFreed(found.activityId);
    return (await this.views.forOwner([cancelled!]))[0]!;
  }

  /**
   * Cancels an active sign-up whose activity and sign-up rows the caller has locked (activity first),
   * in the caller's transaction: its seat goes to the first woman waiting, its reminders are withdrawn.
   */
  async release(manager: EntityManager, activity: ActivityEntity, signup: SignupEntity, now: Date): Promise<SignupEntity> {
    const was = signup.state;
    await this.activities.updateSignup(manager, signup.id, { state: 'cancelled', activeKey: null, cancelledAt: now });
    if (was !== 'waitlisted') {
      await withdrawReminders(manager, activity.id, signup.id);
      if (signup.holdsReserved) {
        await this.activities.adjustCounters(manager, activity.id, { reservedTaken: -1 });
      } else {
        await this.activities.adjustCounters(manager, activity.id, { publicTaken: -1 });
        activity.publicTaken -= 1;
        await this.activityService.promoteWhileSeatsLeft(manager, activity, now);
      }
    }
    return Object.assign(signup, { state: 'cancelled' as const, activeKey: null, cancelledAt: now });
  }

  /** After a commit that released seats in the caller's own transaction (release): see ActivitiesService.settleAfterSeatsFreed. */
  settleAfterSeatsFreed(activityId: string): Promise<void> {
    return this.activityService.settleAfterSeatsFreed(activityId);
  }

  async mine(actor: Actor | null): Promise<MySignup[]> {
    const { userId } = requireActor(actor);
    const signups = await this.activities.signupsOfOwner(userId);
    const activities = await this.activities.byIds([...new Set(signups.map((s) => s.activityId))]);
    const byId = new Map(activities.map((a) => [a.id, a]));
    const names = await this.activityService.namesFor(activities);
    const now = this.clock.now();
    const views = await this.views.forOwner(signups);
    return views.flatMap((view) => {
      const activity = byId.get(view.activityId);
      return activity ? [{ ...view, activity: toActivitySummary(activity, names, now) }] : [];
    });
  }

  async attendees(actor: Actor | null, activityId: string): Promise<AttendeeList> {
    const activity = await this.managed(actor, activityId);
    const rows = await this.attendeeRows(activity.id, false);
    return {
      confirmed: rows.filter((r) => r.state === 'confirmed'),
      waitlisted: rows.filter((r) => r.state === 'waitlisted'),
      checkedIn: rows.filter((r) => r.checkedInAt !== null).length,
    };
  }

  /**
   * The list as a spreadsheet. Phones are masked unless she asks for them to call the women, and that
   * request is written to the audit log.
   */
  async attendeesCsv(actor: Actor | null, activityId: string, fullPhones: boolean): Promise<{ filename: string; rows: string[][] }> {
    const activity = await this.managed(actor, activityId);
    if (fullPhones) {
      await this.activities.transaction((manager) =>
        audit(manager, this.clock.now(), {
          actorUserId: actor!.userId,
          action: 'activity.export_phones',
          subjectType: 'activity',
          subjectId: activity.id,
          federationId: activity.federationId,
        }),
      );
    }
    const rows = await this.attendeeRows(activity.id, fullPhones);
    const header = ['序号', '姓名', '电话', '报名方式', '状态', '候补位次', '签到时间', '报名时间'];
    const body = rows.map((r, i) => [
      String(i + 1),
      personLabel(r.name, { as: 'attendee', number: r.number }),
      r.phone ?? '',
      KIND_LABELS[r.kind],
      r.state === 'confirmed' ? '报名成功' : '候补',
      r.waitlistPosition === null ? '' : String(r.waitlistPosition),
      r.checkedInAt ? plainDateTime(new Date(r.checkedInAt)) : '',
      plainDateTime(new Date(r.signedUpAt)),
    ]);
    return { filename: `activity-${activity.id.slice(0, 8)}-attendees.csv`, rows: [header, ...body] };
  }

  /** The chair scans her QR code (or types the six digits); each seat is checked in once. */
  async checkIn(actor: Actor | null, activityId: string, code: string): Promise<CheckInResult> {
    const now = this.clock.now();
    const activity = await this.managed(actor, activityId);
    if (activity.status !== 'published') throw conflict(ErrorCode.ActivityNotOpen);
    const t = now.getTime();
    if (t < activity.startsAt.getTime() - CHECK_IN_MARGIN_MS || t > activity.endsAt.getTime() + CHECK_IN_MARGIN_MS) {
      throw conflict(ErrorCode.CheckInNotNow);
    }
    const signup = await this.signupForCode(activity, code);
    if (signup.state === 'cancelled') throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.CheckInSignupCancelled);
    if (signup.state === 'waitlisted') throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.CheckInNotConfirmed);
    const name = await this.nameOf(signup);
    const marked = await this.activities.transaction((manager) => this.activities.markCheckedIn(manager, signup.id, actor!.userId, now));
    if (!marked) {
      const earlier = (await this.activities.findSignup(signup.id))?.checkedInAt;
      const who = personLabel(name, { as: 'attendee', number: signup.seq });
      throw conflict(ErrorCode.AlreadyCheckedIn, `${who}已经签到过了（${earlier ? plainDateTime(earlier) : ''}），不用再签`);
    }
    return { signupId: signup.id, name, number: signup.seq, checkedInAt: now.toISOString() };
  }

  /**
   * The chair takes back a check-in tapped by mistake, at any time: the record should say who came.
   * Clearing the row drops who checked her in, so the undoing is written to the audit log instead.
   * A second undo (a double tap, a stale list) finds nothing to clear and answers the same, undone
   * false: the seat stands as she wanted it. A sign-up of another activity is not found here.
   */
  async undoCheckIn(actor: Actor | null, activityId: string, signupId: string): Promise<CheckInUndone> {
    const now = this.clock.now();
    const activity = await this.managed(actor, activityId);
    const signup = UUID.test(signupId) ? await this.activities.findSignup(signupId) : null;
    if (!signup || signup.activityId !== activity.id) throw notFound(ErrorCode.SignupNotFound);
    const undone = await this.activities.transaction(async (manager) => {
      const cleared = await this.activities.clearCheckIn(manager, signup.id);
      if (cleared) {
        await audit(manager, now, {
          actorUserId: actor!.userId,
          action: 'activity.undo_check_in',
          subjectType: 'activity_signup',
          subjectId: signup.id,
          federationId: activity.federationId,
        });
      }
      return cleared;
    });
    return { signupId: signup.id, name: await this.nameOf(signup), number: signup.seq, undone };
  }

  // ---- steps ----

  private async signupForCode(activity: ActivityEntity, code: string): Promise<SignupEntity> {
    const given = code.trim();
    if (CheckInCodes.looksLikeShortCode(given)) {
      const signup = await this.activities.findByShortCode(activity.id, given);
      if (!signup) throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.CheckInCodeInvalid);
      return signup;
    }
    // Besides her QR token, the sign-up's own id from the attendee list: the browser has no camera
    // scanner, so there the chair taps the woman's name. Only a manager of this activity reaches
    // here (managed()), and she sees every sign-up in that list anyway; another activity's id is refused below.
    const signupId = this.codes.signupIdOf(given) ?? (UUID.test(given) ? given : null);
    const signup = signupId ? await this.activities.findSignup(signupId) : null;
    if (!signup) throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.CheckInCodeInvalid);
    if (signup.activityId !== activity.id) throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.CheckInWrongActivity);
    return signup;
  }

  private async openForSignup(actor: Actor | null, activityId: string, now: Date): Promise<ActivityEntity> {
    const activity = await this.activities.findById(activityId);
    if (!activity || (activity.status === 'draft' && !can(actor, Permission.ManageActivities, activity.federationId))) {
      throw notFound(ErrorCode.ActivityNotFound);
    }
    if (activityStatusAt(activity.status, activity.endsAt, now) !== 'published') throw conflict(ErrorCode.ActivityNotOpen);
    const window = signupWindowAt({ opensAt: activity.signupOpensAt, closesAt: activity.signupClosesAt, startsAt: activity.startsAt }, now);
    if (window === 'not_yet') throw conflict(ErrorCode.SignupNotOpenYet, `报名还没有开始，${plainDateTime(activity.signupOpensAt)}开始报名`);
    if (window === 'closed') throw conflict(ErrorCode.SignupClosed);
    return activity;
  }

  /** Runs a seat-taking transaction; the unique index on active sign-ups turns a second one into 409. */
  private async claim(work: (manager: EntityManager) => Promise<SignupEntity>): Promise<SignupEntity> {
    try {
      return await this.activities.transaction(work);
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict(ErrorCode.AlreadySignedUp);
      throw error;
    }
  }

  private async insertSignup(
    manager: EntityManager,
    activity: ActivityEntity,
    seq: number,
    spec: Pick<SignupEntity, 'ownerUserId' | 'addedByUserId' | 'kind' | 'state' | 'activeKey' | 'holdsReserved'> & { attendee: Attendee | null },
    now: Date,
  ): Promise<SignupEntity> {
    const { attendee, ...rest } = spec;
    const signup = Object.assign(new SignupEntity(), {
      id: randomUUID(),
      activityId: activity.id,
      ...rest,
      attendeeEnc: attendee ? this.views.encryptAttendee(attendee) : null,
      seq,
      shortCode: spec.state === 'confirmed' ? this.codes.shortCodeFor(activity.id, seq) : null,
      checkedInAt: null,
      checkedInBy: null,
      promotedAt: null,
      cancelledAt: null,
      createdAt: now,
    });
    await this.activities.insertSignup(manager, signup);
    if (signup.state === 'confirmed') await scheduleReminders(manager, activity, signup, now);
    return signup;
  }

  private async managed(actor: Actor | null, activityId: string): Promise<ActivityEntity> {
    const activity = await this.activities.findById(activityId);
    if (!activity || !can(actor, Permission.ManageActivities, activity.federationId)) throw notFound(ErrorCode.ActivityNotFound);
    return activity;
  }

  /** The name she gave for the seat, else the account's own; null when she has none (shown by number). */
  private async nameOf(signup: SignupEntity): Promise<string | null> {
    const attendee = this.views.attendeeOf(signup);
    if (attendee) return attendee.name;
    const names = await this.activities.namesOf('user', signup.ownerUserId ? [signup.ownerUserId] : []);
    return names.get(signup.ownerUserId ?? '') ?? null;
  }

  private async attendeeRows(activityId: string, fullPhones: boolean): Promise<AttendeeView[]> {
    const activity = await this.activities.findById(activityId);
    const signups = await this.activities.signupsOf(activityId);
    const users = await this.activities.namesOf('user', signups.flatMap((s) => (s.kind === 'self' && s.ownerUserId ? [s.ownerUserId] : [])));
    let position = 0;
    return signups.map((s) => {
      const attendee = this.views.attendeeOf(s);
      return {
        signupId: s.id,
        kind: s.kind,
        state: s.state,
        name: attendee?.name ?? users.get(s.ownerUserId ?? '') ?? null,
        // A woman waiting holds a ticket, not a seat number: she is numbered after the seats handed out.
        number: s.state === 'waitlisted' ? (activity?.signupSeq ?? 0) + position + 1 : s.seq,
        phone: attendee ? (fullPhones ? attendee.phone : maskPhone(attendee.phone)) : null,
        waitlistPosition: s.state === 'waitlisted' ? ++position : null,
        checkedInAt: s.checkedInAt?.toISOString() ?? null,
        signedUpAt: s.createdAt.toISOString(),
      };
    });
  }
}
