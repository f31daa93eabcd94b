import fc from 'fast-check';
import {
  ActivityCategory,
  ApiPaths,
  ErrorCode,
  RoleKind,
  pathOf,
  type ActivityDetail,
  type AttendeeList,
  type ErrorResponse,
  type MySignup,
  type SignupView,
} from '@wfh/shared';
import { CheckInCodes } from '../../../src/modules/activities/check-in-codes';
import { TREE } from '../../factories/bodies';
import type { ApiReply } from '../../support/test-app';
import { modelRuns, modelSeed, modelTimeoutMs, runModel, useModelWorld, type ModelCommand, type ModelWorld } from '../../support/model-run';
import {
  OFFICIALS,
  PEOPLE,
  RELATIVES,
  RESERVED_GUESTS,
  SCHEDULE,
  WOMEN,
  addReserved,
  cancelActivity,
  cancelSignup,
  checkIn,
  undoCheckIn,
  isManager,
  publicSeatsLeft,
  publish,
  reservedTaken,
  setCapacity,
  signUp,
  signupWindow,
  statusSeen,
  waiting,
  waitlistPosition,
  type ActivitiesModel,
  type Outcome,
  type Person,
  type SignupModel,
  type Woman,
} from './activity-model';

/**
 * Random sequences of sign-ups, cancellations, capacity changes, reserved places, check-ins and time
 * passing on one activity of the village, by four women, the chair, township staff and another
 * village's chair, through the real HTTP API on MariaDB, each step checked against activity-model.ts.
 */

const RUNS = modelRuns(110);

const world = useModelWorld(SCHEDULE.signupOpensAt, [
  ['anna', { key: 'model-anna', displayName: '张桂英', home: TREE.village }],
  ['bea', { key: 'model-bea', displayName: '李秀兰', home: TREE.village }],
  ['cai', { key: 'model-cai', displayName: '王凤芝', home: TREE.village }],
  ['dora', { key: 'model-dora', displayName: '赵淑珍', home: TREE.siblingVillage }],
  ['chair', { key: 'model-chair', role: { role: RoleKind.Chair, federationId: TREE.village } }],
  ['staff', { key: 'model-staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
  ['sibChair', { key: 'model-sibling-chair', role: { role: RoleKind.Chair, federationId: TREE.siblingVillage } }],
]);

/** Moments the clock may jump to, in order: it never goes back. */
const MOMENTS = [
  { name: 'sign-up has closed', at: new Date('2026-12-04T12:00:00Z') },
  { name: 'check-in opens (three hours before the start)', at: new Date(SCHEDULE.startsAt.getTime() - 3 * 3600_000) },
  { name: 'the activity has started', at: new Date(SCHEDULE.startsAt.getTime() + 30 * 60_000) },
  { name: 'the activity has ended', at: SCHEDULE.endsAt },
  { name: 'check-in has closed', at: new Date(SCHEDULE.endsAt.getTime() + 3 * 3600_000 + 60_000) },
] as const;

function expectOutcome(reply: ApiReply, expected: Outcome, okStatus: number, what: string): void {
  const code = (reply.body as ErrorResponse | null)?.code ?? null;
  const fine = expected.ok ? reply.status === okStatus : reply.status === expected.status && expected.codes.includes(code as ErrorCode);
  if (!fine) {
    const wanted = expected.ok ? `${okStatus}` : `${expected.status} ${expected.codes.join(' or ')}`;
    throw new Error(`${what}: expected ${wanted}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  }
}

/**
 * After every step, everyone looks: the public page (seats left, waiting list, status), the chair's
 * attendee list in sign-up order, each woman's own sign-ups (codes only on confirmed seats), who was
 * told of a promotion; and never more confirmed than capacity, whatever the model says.
 */
async function afterStep(m: ActivitiesModel, real: ModelWorld): Promise<void> {
  const confirmed = m.signups.filter((s) => s.state === 'confirmed');
  await Promise.all([
    (async () => {
      const reply = await real.api<ActivityDetail>(null, 'GET', pathOf(ApiPaths.activity, { id: m.id }));
      if (m.status === 'draft') return expectOutcome(reply, { ok: false, status: 404, codes: [ErrorCode.ActivityNotFound] }, 200, 'the public reads a draft');
      expectOutcome(reply, { ok: true }, 200, 'the public reads the activity');
      const d = reply.body;
      expect({ capacityNeverExceeded: d.confirmedCount <= d.capacity }).toEqual({ capacityNeverExceeded: true });
      expect({
        status: d.status,
        signupWindow: d.signupWindow,
        capacity: d.capacity,
        seatsLeft: d.seatsLeft,
        waitlistLength: d.waitlistLength,
        confirmedCount: d.confirmedCount,
        reservedTaken: d.reservedTaken,
      }).toEqual({
        status: statusSeen(m),
        signupWindow: signupWindow(m),
        capacity: m.capacity,
        seatsLeft: m.status === 'published' ? publicSeatsLeft(m) : 0,
        waitlistLength: waiting(m).length,
        confirmedCount: confirmed.length,
        reservedTaken: reservedTaken(m),
      });
    })(),
    ...OFFICIALS.map(async (who) => {
      const reply = await real.api<AttendeeList>(who, 'GET', pathOf(ApiPaths.activityAttendees, { id: m.id }));
      if (!isManager(who)) return expectOutcome(reply, { ok: false, status: 404, codes: [ErrorCode.ActivityNotFound] }, 200, `${who} opens the attendee list`);
      expectOutcome(reply, { ok: true }, 200, `${who} opens the attendee list`);
      expect({
        confirmed: reply.body.confirmed.map((a) => [a.signupId, a.name, a.checkedInAt !== null]),
        waitlisted: reply.body.waitlisted.map((a) => [a.signupId, a.name, a.waitlistPosition]),
        checkedIn: reply.body.checkedIn,
      }).toEqual({
        confirmed: confirmed.map((s) => [s.id, s.name, s.checkedIn]),
        waitlisted: waiting(m).map((s) => [s.id, s.name, waitlistPosition(m, s)]),
        // The list counts the check-ins of the seats it lists: a seat given back after check-in drops out.
        checkedIn: m.signups.filter((s) => s.checkedIn && s.state !== 'cancelled').length,
      });
    }),
    ...WOMEN.map(async (who) => {
      const reply = await real.api<MySignup[]>(who, 'GET', ApiPaths.mySignups);
      expectOutcome(reply, { ok: true }, 200, `${who} lists her sign-ups`);
      const seen = reply.body.map((s) => ({ id: s.id, state: s.state, attendeeName: s.attendeeName, waitlistPosition: s.waitlistPosition, hasCode: s.checkInToken !== null && s.shortCode !== null, checkedIn: s.checkedInAt !== null }));
      const expected = m.signups
        .filter((s) => s.owner === who)
        .map((s) => ({ id: s.id, state: s.state, attendeeName: s.kind === 'self' ? '本人' : s.name, waitlistPosition: waitlistPosition(m, s), hasCode: s.state === 'confirmed', checkedIn: s.checkedIn }));
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
      expect({ who, signups: seen.sort(byId) }).toEqual({ who, signups: expected.sort(byId) });
    }),
    (async () => {
      // The outbox is emptied before each sequence, which has this one activity.
      const rows: Array<{ userId: string }> = await real.app().dataSource.query("SELECT recipient_user_id AS userId FROM outbox WHERE topic = 'activity.promoted'");
      const told = rows.map((r) => r.userId).sort();
      expect({ toldOfPromotion: told }).toEqual({ toldOfPromotion: m.promoted.map((w) => real.userId(w)).sort() });
    })(),
  ]);
}

type Command = ModelCommand<ActivitiesModel, ModelWorld>;

function pick(m: Readonly<ActivitiesModel>, slot: number): SignupModel | undefined {
  return m.signups.length === 0 ? undefined : m.signups[slot % m.signups.length];
}
const seatLabel = (m: ActivitiesModel, s: SignupModel) => `sign-up #${m.signups.indexOf(s) + 1} (${s.name})`;

class Publish implements Command {
  constructor(readonly who: Person) {}
  check(): boolean {
    return true;
  }
  async run(m: ActivitiesModel, real: ModelWorld): Promise<void> {
    m.log.push(String(this));
    const expected = publish(m, this.who);
    const reply = await real.api(this.who, 'POST', pathOf(ApiPaths.activityPublish, { id: m.id }));
    expectOutcome(reply, expected, 201, String(this));
    await afterStep(m, real);
  }
  toString(): string {
    return `${this.who} publishes the activity`;
  }
}

class SignUp implements Command {
  constructor(
    readonly who: Woman,
    readonly relative: number | null,
  ) {}
  check(): boolean {
    return true;
  }
  async run(m: ActivitiesModel, real: ModelWorld): Promise<void> {
    m.log.push(`${this} -> sign-up #${m.signups.length + 1}`);
    const relative = this.relative === null ? null : RELATIVES[this.relative]!;
    const reply = await real.api<SignupView>(this.who, 'POST', pathOf(ApiPaths.activitySignups, { id: m.id }), relative ? { attendee: relative } : {});
    const expected = signUp(m, reply.status === 201 ? reply.body.id : 'refused', this.who, relative);
    expectOutcome(reply, expected, 201, String(this));
    if (expected.ok) expect({ state: reply.body.state }).toEqual({ state: m.signups.at(-1)!.state });
    await afterStep(m, real);
  }
  toString(): string {
    return `${this.who} signs up ${this.relative === null ? 'herself' : RELATIVES[this.relative]!.name}`;
  }
}

class AddReserved implements Command {
  constructor(
    readonly who: Person,
    readonly guest: number,
  ) {}
  check(): boolean {
    return true;
  }
  async run(m: ActivitiesModel, real: ModelWorld): Promise<void> {
    m.log.push(`${this} -> sign-up #${m.signups.length + 1}`);
    const guest = RESERVED_GUESTS[this.guest]!;
    const reply = await real.api<SignupView>(this.who, 'POST', pathOf(ApiPaths.activityAttendees, { id: m.id }), { ...guest, consentRecorded: true });
    const expected = addReserved(m, reply.status === 201 ? reply.body.id : 'refused', this.who, guest);
    expectOutcome(reply, expected, 201, String(this));
    await afterStep(m, real);
  }
  toString(): string {
    return `${this.who} adds ${RESERVED_GUESTS[this.guest]!.name} to a reserved place`;
  }
}

class CancelSignup implements Command {
  constructor(
    readonly slot: number,
    /** 'holder': the woman who holds it, or for a woman the chair added, the chair. */
    readonly who: Person | 'holder',
  ) {}
  check(m: Readonly<ActivitiesModel>): boolean {
    return m.signups.length > 0;
  }
  async run(m: ActivitiesModel, real: ModelWorld): Promise<void> {
    const s = pick(m, this.slot)!;
    const who = this.who === 'holder' ? (s.owner ?? 'chair') : this.who;
    m.log.push(`${who} cancels ${seatLabel(m, s)}`);
    const expected = cancelSignup(m, s, who);
    const reply = await real.api<SignupView>(who, 'POST', pathOf(ApiPaths.signupCancel, { id: s.id }));
    expectOutcome(reply, expected, 201, `${who} cancels ${seatLabel(m, s)}`);
    await afterStep(m, real);
  }
  toString(): string {
    return `${this.who === 'holder' ? 'its holder' : this.who} cancels sign-up pick ${this.slot}`;
  }
}

/** A woman holding a confirmed seat gives it back: what lets the waiting list move. */
class GivesSeatBack implements Command {
  constructor(readonly slot: number) {}
  check(m: Readonly<ActivitiesModel>): boolean {
    return m.signups.some((s) => s.state === 'confirmed' && s.owner);
  }
  run(m: ActivitiesModel, real: ModelWorld): Promise<void> {
    const held = m.signups.filter((s) => s.state === 'confirmed' && s.owner);
    return new CancelSignup(m.signups.indexOf(held[this.slot % held.length]!), 'holder').run(m, real);
  }
  toString(): string {
    return `the holder of confirmed seat pick ${this.slot} gives it back`;
  }
}

class SetCapacity implements Command {
  constructor(
    readonly who: Person,
    readonly capacity: number,
  ) {}
  check(): boolean {
    return true;
  }
  async run(m: ActivitiesModel, real: ModelWorld): Promise<void> {
    m.log.push(String(this));
    const expected = setCapacity(m, this.who, this.capacity);
    const reply = await real.api<ActivityDetail>(this.who, 'PATCH', pathOf(ApiPaths.activity, { id: m.id }), { capacity: this.capacity });
    expectOutcome(reply, expected, 200, String(this));
    await afterStep(m, real);
  }
  toString(): string {
    return `${this.who} sets the capacity to ${this.capacity}`;
  }
}

class CheckIn implements Command {
  constructor(
    readonly slot: number,
    readonly who: Person,
    readonly by: 'qr' | 'digits',
  ) {}
  check(m: Readonly<ActivitiesModel>): boolean {
    return m.signups.length > 0;
  }
  async run(m: ActivitiesModel, real: ModelWorld): Promise<void> {
    const s = pick(m, this.slot)!;
    m.log.push(`${this.who} checks in ${seatLabel(m, s)} by ${this.by === 'qr' ? 'its QR code' : 'its six digits'}`);
    // The genuine code of that seat, as its holder would show it (one she kept from before, if she has none now).
    // A place on the waiting list holds no six digits until it becomes a seat: for one, only its QR code exists.
    const digits = this.by === 'digits' ? ((await real.app().dataSource.query('SELECT short_code AS code FROM activity_signup WHERE id = ?', [s.id]))[0].code as string | null) : null;
    const code = digits ?? real.app().app.get(CheckInCodes).tokenFor(s.id);
    const expected = checkIn(m, s, this.who);
    const reply = await real.api(this.who, 'POST', pathOf(ApiPaths.activityCheckIns, { id: m.id }), { code });
    expectOutcome(reply, expected, 201, `${this.who} checks in ${seatLabel(m, s)}`);
    await afterStep(m, real);
  }
  toString(): string {
    return `${this.who} checks in sign-up pick ${this.slot} by ${this.by}`;
  }
}

class UndoCheckIn implements Command {
  constructor(
    readonly slot: number,
    readonly who: Person,
  ) {}
  check(m: Readonly<ActivitiesModel>): boolean {
    return m.signups.length > 0;
  }
  async run(m: ActivitiesModel, real: ModelWorld): Promise<void> {
    // She undoes what she sees ticked. With nothing ticked, the mistake happens first: she taps a
    // name (refused or not, as the model says) and then undoes it, ticked or not.
    if (!m.signups.some((seat) => seat.checkedIn)) {
      const seated = m.signups.findIndex((seat) => seat.state !== 'cancelled' && seat.state !== 'waitlisted');
      await new CheckIn(seated >= 0 ? seated : this.slot, this.who, 'qr').run(m, real);
    }
    const ticked = m.signups.filter((seat) => seat.checkedIn);
    const s = ticked.length > 0 ? ticked[this.slot % ticked.length]! : pick(m, this.slot)!;
    m.log.push(`${this.who} undoes the check-in of ${seatLabel(m, s)}`);
    const expected = undoCheckIn(m, s, this.who);
    const reply = await real.api(this.who, 'DELETE', pathOf(ApiPaths.activityCheckIn, { id: m.id, signupId: s.id }));
    expectOutcome(reply, expected, 200, `${this.who} undoes the check-in of ${seatLabel(m, s)}`);
    if (expected.ok) expect({ undone: (reply.body as { undone: boolean }).undone }).toEqual({ undone: expected.undone });
    await afterStep(m, real);
  }
  toString(): string {
    return `${this.who} undoes the check-in of sign-up pick ${this.slot}`;
  }
}

class CancelActivity implements Command {
  constructor(readonly who: Person) {}
  check(): boolean {
    return true;
  }
  async run(m: ActivitiesModel, real: ModelWorld): Promise<void> {
    m.log.push(String(this));
    const expected = cancelActivity(m, this.who);
    const reply = await real.api(this.who, 'POST', pathOf(ApiPaths.activityCancel, { id: m.id }), { reason: '天气原因，改期另行通知' });
    expectOutcome(reply, expected, 201, String(this));
    await afterStep(m, real);
  }
  toString(): string {
    return `${this.who} cancels the activity`;
  }
}

class TimeTo implements Command {
  constructor(readonly moment: number) {}
  check(m: Readonly<ActivitiesModel>): boolean {
    return MOMENTS[this.moment]!.at.getTime() > m.now.getTime();
  }
  async run(m: ActivitiesModel, real: ModelWorld): Promise<void> {
    m.log.push(String(this));
    m.now = MOMENTS[this.moment]!.at;
    real.clock.at = m.now;
    await afterStep(m, real);
  }
  toString(): string {
    return `time passes: ${MOMENTS[this.moment]!.name}`;
  }
}

const times = <T>(n: number, arbitrary: fc.Arbitrary<T>) => Array.from({ length: n }, () => arbitrary);
const slot = fc.nat(11);
const official = fc.oneof({ weight: 3, arbitrary: fc.constant<Person>('chair') }, fc.constantFrom<Person>(...PEOPLE));
const commands: Array<fc.Arbitrary<Command>> = [
  fc.constantFrom<Person>('chair', 'chair', 'staff', 'sibChair', 'anna').map((who) => new Publish(who)),
  ...times(
    5,
    fc
      .record({ who: fc.constantFrom<Woman>(...WOMEN), relative: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, fc.nat(RELATIVES.length - 1)) })
      .map(({ who, relative }) => new SignUp(who, relative)),
  ),
  fc.record({ who: official, guest: fc.nat(RESERVED_GUESTS.length - 1) }).map(({ who, guest }) => new AddReserved(who, guest)),
  ...times(
    3,
    fc
      .record({ slot, who: fc.oneof({ weight: 4, arbitrary: fc.constant<'holder'>('holder') }, fc.constantFrom<Person>(...PEOPLE)) })
      .map(({ slot: s, who }) => new CancelSignup(s, who)),
  ),
  ...times(2, slot.map((s) => new GivesSeatBack(s))),
  ...times(2, fc.record({ who: official, capacity: fc.integer({ min: 1, max: 6 }) }).map(({ who, capacity }) => new SetCapacity(who, capacity))),
  ...times(2, fc.record({ slot, who: official, by: fc.constantFrom<'qr' | 'digits'>('qr', 'digits') }).map(({ slot: s, who, by }) => new CheckIn(s, who, by))),
  // The desk's mistake and its correction, a step of its own: as one more kind of check-in tap it came
  // too rarely after a check-in that held to take anything back.
  fc.record({ slot, who: official }).map(({ slot: s, who }) => new UndoCheckIn(s, who)),
  fc.constantFrom<Person>('chair', 'sibChair').map((who) => new CancelActivity(who)),
  ...times(2, fc.nat(MOMENTS.length - 1).map((moment) => new TimeTo(moment))),
];

interface Start {
  capacity: number;
  reserved: number;
  published: boolean;
}

describe('activity seats, model-based', () => {
  it(`${RUNS} random sequences of sign-ups, cancellations, capacity changes and check-ins match the model (seed ${modelSeed()})`, async () => {
    await runModel<Start, ActivitiesModel, ModelWorld>({
      name: 'activity',
      start: fc.record({ capacity: fc.integer({ min: 1, max: 4 }), reserved: fc.nat(1), published: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)) }),
      commands,
      maxCommands: 25,
      runs: RUNS,
      setup: async (start) => {
        await world.clear(['activity_signup', 'activity', 'outbox']);
        world.clock.at = SCHEDULE.signupOpensAt;
        const reserved = Math.min(start.reserved, start.capacity);
        const created = await world.api<ActivityDetail>('chair', 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), {
          title: '免费两癌筛查',
          description: '县妇幼保健院医生到村里，为35至64岁妇女免费检查。',
          category: ActivityCategory.Screening,
          address: '懿路村村委会二楼',
          latitude: 42.2,
          longitude: 123.5,
          ...Object.fromEntries(Object.entries(SCHEDULE).map(([key, at]) => [key, at.toISOString()])),
          capacity: start.capacity,
          reservedSeats: reserved,
          relativesAllowed: true,
        });
        if (created.status !== 201) throw new Error(`creating the activity answered ${created.status}: ${JSON.stringify(created.body)}`);
        const model: ActivitiesModel = {
          now: SCHEDULE.signupOpensAt,
          id: created.body.id,
          status: 'draft',
          capacity: start.capacity,
          reserved,
          signups: [],
          promoted: [],
          log: [`the chair drafts an activity: capacity ${start.capacity}, ${reserved} reserved`],
          reached: new Set(),
        };
        if (start.published) await new Publish('chair').run(model, world);
        return { model, real: world };
      },
      mustReach: [
        'signed up',
        'waitlisted',
        'promoted from the waiting list',
        'promoted the first while others wait',
        'cancelled a sign-up',
        'capacity raised',
        'capacity lowered',
        'added to a reserved place',
        'added to a public seat',
        'checked in',
        'check-in undone',
        'activity cancelled',
      ],
    });
  }, modelTimeoutMs(RUNS));
});
