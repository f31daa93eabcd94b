import fc from 'fast-check';
import {
  ApiPaths,
  ErrorCode,
  Rating,
  RoleKind,
  pathOf,
  type ErrorResponse,
  type RequestDetail,
  type RequestSummary,
  type ServiceCategory,
} from '@wfh/shared';
import { TREE } from '../../factories/bodies';
import { call, type ApiReply } from '../../support/test-app';
import { modelRuns, modelSeed, modelTimeoutMs, runModel, useModelWorld, type ModelCommand, type ModelWorld } from '../../support/model-run';
import {
  BODY_ID,
  CATEGORY_OF,
  PEOPLE,
  WOMEN,
  byDeadline,
  byNewest,
  currentDeadline,
  handlerStep,
  holderOf,
  inboxOf,
  kindRules,
  maySee,
  timelineFor,
  submit,
  summaryOf,
  sweep,
  womanStep,
  type Body,
  type ExpectedSummary,
  type Handler,
  type HandlerAction,
  type WomanAction,
  type Kind,
  type Outcome,
  type Person,
  type RequestModel,
  type RequestsModel,
  type Woman,
} from './request-model';

/**
 * Random sequences of steps on service requests by random people (the woman, her neighbour, her
 * chair, the other village's chair, township staff, county admin) and of time passing (the sweeper
 * runs after every step, as it does every 30 s in production), through the real HTTP API on
 * MariaDB, each step checked against the model in request-model.ts.
 */

/** Tuesday 1 December 2026, 09:00 in Asia/Shanghai. */
const START = new Date('2026-12-01T01:00:00Z');
const RUNS = modelRuns(70);
const MAX_REQUESTS = 3;
const HOUR = 3600_000;

const world = useModelWorld(START, [
  ['woman', { key: 'model-woman', displayName: '王秀英', home: TREE.village }],
  ['neighbour', { key: 'model-neighbour', displayName: '李桂兰', home: TREE.village }],
  ['chair', { key: 'model-chair', role: { role: RoleKind.Chair, federationId: TREE.village } }],
  ['sibChair', { key: 'model-sibling-chair', role: { role: RoleKind.Chair, federationId: TREE.siblingVillage } }],
  ['staff', { key: 'model-staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
  ['admin', { key: 'model-admin', role: { role: RoleKind.Admin, federationId: TREE.county } }],
]);

const BODIES: readonly Body[] = ['village', 'sibling', 'township', 'county'];
/** Inboxes read after every step: each handler's own, two watched from above, and one she may not open. */
const INBOX_VIEWS: ReadonlyArray<[Handler, Body]> = [
  ['chair', 'village'],
  ['sibChair', 'sibling'],
  ['staff', 'township'],
  ['admin', 'county'],
  ['staff', 'village'],
  ['admin', 'township'],
  ['sibChair', 'village'],
];

function submission(kind: Kind) {
  const common = { description: '家里的事想请妇联帮忙', contact: { method: 'phone', phone: '13800000001', safeTimes: '工作日上午' }, federationId: TREE.village };
  return kind === 'sensitive'
    ? { ...common, categoryKey: CATEGORY_OF.sensitive, answers: { safe_now: false }, sensitiveConsent: true }
    : { ...common, categoryKey: CATEGORY_OF.ordinary, answers: { with_whom: '公婆' } };
}

function expectOutcome(reply: ApiReply, expected: Outcome, what: string): void {
  const code = (reply.body as ErrorResponse | null)?.code ?? null;
  if (reply.status !== expected.status || (!expected.ok && code !== expected.code)) {
    throw new Error(`${what}: expected ${expected.status}${expected.ok ? '' : ` ${expected.code}`}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  }
}

function projectSummary(s: RequestSummary): ExpectedSummary {
  return {
    id: s.id,
    state: s.state as ExpectedSummary['state'],
    federationId: s.federationId,
    homeFederationId: s.homeFederationId,
    sensitive: s.sensitive,
    firstResponseDueAt: s.firstResponseDueAt,
    resolutionDueAt: s.resolutionDueAt,
    overdue: s.overdue,
  };
}

function projectDetail(d: RequestDetail) {
  return {
    ...projectSummary(d),
    rating: d.rating,
    timeline: d.timeline.map((e) => ({
      at: e.at,
      action: e.action,
      actor: e.actor,
      federationName: e.federationName,
      toFederationName: e.toFederationName,
      toState: e.toState,
      note: e.note,
      staffNote: e.staffNote,
    })),
  };
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : 1);

/** A list ordered by a key: the same requests as the model, and none before one the key puts ahead of it (ties either way). */
function expectList(real: RequestSummary[], expected: RequestModel[], now: Date, order: (a: RequestModel, b: RequestModel) => number, what: string): void {
  expect({ what, requests: real.map(projectSummary).sort(byId) }).toEqual({ what, requests: expected.map((r) => summaryOf(r, now)).sort(byId) });
  const rank = new Map(expected.map((r) => [r.id, r]));
  for (let i = 1; i < real.length; i++) {
    const [a, b] = [rank.get(real[i - 1]!.id)!, rank.get(real[i]!.id)!];
    if (order(a, b) > 0) throw new Error(`${what}: ${b.id} should come before ${a.id}`);
  }
}

/** How each request reads at a moment, to find the ones a step changed. */
type Snapshot = Map<RequestModel, string>;
function snapshot(m: RequestsModel): Snapshot {
  return new Map(m.requests.map((r) => [r, JSON.stringify([summaryOf(r, m.now), r.events.length])]));
}

/**
 * After every step: the sweeper runs (the model's too), then everyone reads each request the step
 * changed; a request a step was refused on is read by the woman who asked (its whole timeline: a
 * refused step must change nothing; a wrong change of holder shows in the inboxes). Every inbox and
 * each woman's own list show exactly what the model allows, and the event rows are numbered 1, 2, 3 …
 * in the order of the timeline.
 */
async function afterStep(m: RequestsModel, real: ModelWorld, touched: RequestModel[], before: Snapshot): Promise<Set<RequestModel>> {
  await real.sweep();
  const swept = sweep(m);
  const after = snapshot(m);
  const changed = new Set(m.requests.filter((r) => before.get(r) !== after.get(r)));
  const readers = new Map<RequestModel, readonly Person[]>([...touched.map((r) => [r, [r.owner]] as const), ...[...changed].map((r) => [r, PEOPLE] as const)]);
  const now = m.now;

  await Promise.all(
    [...readers].flatMap(([r, people]) =>
      people.map(async (who) => {
        const reply = await real.api<RequestDetail>(who, 'GET', pathOf(ApiPaths.request, { id: r.id }));
        const what = `${who} reads ${label(m, r)}`;
        if (!maySee(who, r)) return expectOutcome(reply, { ok: false, status: 404, code: ErrorCode.RequestNotFound }, what);
        expectOutcome(reply, { ok: true, status: 200 }, what);
        expect({ what, request: projectDetail(reply.body) }).toEqual({ what, request: { ...summaryOf(r, now), rating: r.rating, timeline: timelineFor(who, r) } });
      }),
    ),
  );

  if (readers.size > 0) {
    const ids = [...readers.keys()].map((r) => r.id);
    const rows: Array<{ requestId: string; seq: number }> = await real
      .app()
      .dataSource.query(`SELECT request_id AS requestId, seq FROM request_event WHERE request_id IN (${ids.map(() => '?').join(',')}) ORDER BY request_id, seq`, ids);
    for (const r of readers.keys()) {
      const seqs = rows.filter((row) => row.requestId === r.id).map((row) => Number(row.seq));
      expect({ request: label(m, r), seqs }).toEqual({ request: label(m, r), seqs: r.events.map((_, i) => i + 1) });
    }
  }

  await Promise.all([
    ...INBOX_VIEWS.map(async ([viewer, body]) => {
      const reply = await real.api<RequestSummary[]>(viewer, 'GET', pathOf(ApiPaths.inbox, { id: BODY_ID[body] }));
      const expected = inboxOf(m, body, viewer);
      const what = `${viewer} opens the inbox of the ${body}`;
      if (expected === 'forbidden') return expectOutcome(reply, { ok: false, status: 403, code: ErrorCode.Forbidden }, what);
      expectOutcome(reply, { ok: true, status: 200 }, what);
      expectList(reply.body, expected, now, byDeadline, what);
    }),
    ...WOMEN.map(async (who) => {
      const reply = await real.api<RequestSummary[]>(who, 'GET', ApiPaths.myRequests);
      expectOutcome(reply, { ok: true, status: 200 }, `${who} lists her requests`);
      expectList(reply.body, m.requests.filter((r) => r.owner === who), now, byNewest, `${who}'s own list`);
    }),
  ]);
  return new Set(swept);
}

function label(m: RequestsModel, r: RequestModel): string {
  return `request #${m.requests.indexOf(r) + 1}`;
}

/**
 * The answer to a step shows the request as the step left it, unless the sweeper has moved it on
 * since (the app's own timer may have done so before the answer was read).
 */
function expectStepReply(r: RequestModel, reply: ApiReply<RequestDetail>, swept: Set<RequestModel>, what: string): void {
  if (swept.has(r)) return;
  expect({ what, state: reply.body.state }).toEqual({ what, state: r.state });
}

type Command = ModelCommand<RequestsModel, ModelWorld>;

/**
 * Steps name a request by a number picked at random; it counts round the requests there are when the
 * step runs (the 3rd of two is the 1st), so few steps are skipped. The log names the request itself.
 */
function pick(m: Readonly<RequestsModel>, slot: number): RequestModel | undefined {
  return m.requests.length === 0 ? undefined : m.requests[slot % m.requests.length];
}

class Submit implements Command {
  constructor(
    readonly owner: Woman,
    readonly kind: Kind,
  ) {}
  check(m: Readonly<RequestsModel>): boolean {
    return m.requests.length < MAX_REQUESTS;
  }
  async run(m: RequestsModel, real: ModelWorld): Promise<void> {
    m.log.push(`${this} -> request #${m.requests.length + 1}`);
    const before = snapshot(m);
    const reply = await real.api<RequestDetail>(this.owner, 'POST', ApiPaths.requests, submission(this.kind));
    expectOutcome(reply, { ok: true, status: 201 }, String(this));
    const r = submit(m, reply.body.id, this.owner, this.kind);
    await afterStep(m, real, [r], before);
  }
  toString(): string {
    return `${this.owner} asks for help (${this.kind === 'sensitive' ? 'domestic violence' : 'mediation'})`;
  }
}

const HANDLER_ACTIONS: readonly HandlerAction[] = ['accept', 'reply', 'refer', 'return_referral', 'resolve'];
const HANDLER_BODY: Record<HandlerAction, (note: string, target: Body) => Record<string, unknown>> = {
  accept: (note) => ({ note }),
  reply: (note) => ({ message: note }),
  refer: (note, target) => ({ toFederationId: BODY_ID[target], reason: note }),
  return_referral: (note) => ({ reason: note }),
  resolve: (note) => ({ resolution: note }),
};

/** One handler's step on one request; 'holder' is whoever holds it when the step runs. */
async function handlerAct(m: RequestsModel, real: ModelWorld, r: RequestModel, action: HandlerAction, by: Person | 'holder', target: Body): Promise<void> {
  const who = by === 'holder' ? holderOf(r) : by;
  m.log.push(`${who}${by === 'holder' ? ' (holding it)' : ''}: ${action}${action === 'refer' ? ` to the ${target}` : ''} request #${m.requests.indexOf(r) + 1}`);
  const was = r.state;
  const before = snapshot(m);
  const note = `第${r.events.length + 1}步：${action}`;
  const expected = handlerStep(m, r, who, action, note, target);
  const reply = await real.api<RequestDetail>(who, 'POST', pathOf(`${ApiPaths.request}/${action}`, { id: r.id }), HANDLER_BODY[action](note, target));
  expectOutcome(reply, expected, `${action} by ${who}`);
  if (expected.ok) {
    m.reached.add(`${action} allowed`);
    if (action === 'reply' && was === 'in_progress') m.reached.add('replied again');
    if (action === 'accept' && was === 'reopened') m.reached.add('accepted for a second round');
  } else {
    m.reached.add(`handler refused ${expected.status}`);
  }
  const swept = await afterStep(m, real, [r], before);
  if (expected.ok) expectStepReply(r, reply, swept, `${action} by ${who}`);
}

/** Her own step; 'owner' is the woman who asked. */
async function womanAct(m: RequestsModel, real: ModelWorld, r: RequestModel, action: WomanAction, by: Person | 'owner', rating: Rating, helped: boolean): Promise<void> {
  const who = by === 'owner' ? r.owner : by;
  const what = action === 'rate' ? `rates ${rating}${helped ? ' (helped)' : ''}` : 'withdraws';
  m.log.push(`${who}${by === 'owner' ? ' (who asked)' : ''} ${what} request #${m.requests.indexOf(r) + 1}`);
  const round = r.ratings;
  const before = snapshot(m);
  const input = action === 'withdraw' ? { reason: '已经不需要了' } : { rating, helped, comment: `第${r.events.length + 1}步的评价` };
  const expected = womanStep(m, r, who, action, input);
  const reply = await real.api<RequestDetail>(who, 'POST', pathOf(`${ApiPaths.request}/${action}`, { id: r.id }), input);
  expectOutcome(reply, expected, `${who} ${what}`);
  if (expected.ok) {
    m.reached.add(`${action} allowed`);
    if (action === 'rate' && r.state === 'reopened') m.reached.add('not satisfied: reopened');
    if (action === 'rate' && round === 1) m.reached.add('rated in the second round');
  } else {
    m.reached.add(`woman refused ${expected.status}`);
  }
  const swept = await afterStep(m, real, [r], before);
  if (expected.ok) expectStepReply(r, reply, swept, `${who} ${what}`);
}

class HandlerStep implements Command {
  constructor(
    readonly slot: number,
    readonly action: HandlerAction,
    readonly who: Person | 'holder',
    readonly target: Body,
  ) {}
  check(m: Readonly<RequestsModel>): boolean {
    return m.requests.length > 0;
  }
  run(m: RequestsModel, real: ModelWorld): Promise<void> {
    return handlerAct(m, real, pick(m, this.slot)!, this.action, this.who, this.target);
  }
  toString(): string {
    return `${this.who === 'holder' ? 'the holding body' : this.who}: ${this.action}${this.action === 'refer' ? ` to the ${this.target}` : ''} request pick ${this.slot}`;
  }
}

class WomanStep implements Command {
  constructor(
    readonly slot: number,
    readonly action: WomanAction,
    readonly who: Person | 'owner',
    readonly rating: Rating,
    readonly helped: boolean,
  ) {}
  check(m: Readonly<RequestsModel>): boolean {
    return m.requests.length > 0;
  }
  run(m: RequestsModel, real: ModelWorld): Promise<void> {
    return womanAct(m, real, pick(m, this.slot)!, this.action, this.who, this.rating, this.helped);
  }
  toString(): string {
    return `${this.who === 'owner' ? 'the woman who asked' : this.who}: ${this.action === 'rate' ? `rate ${this.rating}` : 'withdraw'} request pick ${this.slot}`;
  }
}

/**
 * The handler steps the model allows the holding body now, each tried on a copy; a referral counts
 * as one step whatever the body it goes to (the `choice`-th other one), so it does not crowd out the rest.
 */
function nextSteps(m: Readonly<RequestsModel>, r: RequestModel, choice: number): Array<{ action: HandlerAction; target: Body }> {
  const others = BODIES.filter((b) => b !== r.holder);
  return HANDLER_ACTIONS.flatMap((action) => {
    const target = action === 'refer' ? others[choice % others.length]! : r.holder;
    return handlerStep({ ...m, reached: new Set(), log: [] }, structuredClone(r), holderOf(r), action, '', target).ok ? [{ action, target }] : [];
  });
}

/**
 * What a real day brings: whoever the request waits for moves it on. The holding body takes one of
 * the steps the model allows it (the `choice`-th), or, once it is resolved, the woman rates it.
 * Random steps by random people alone seldom get a request far enough for a second round.
 */
class MovesOn implements Command {
  constructor(
    readonly slot: number,
    readonly choice: number,
    readonly rating: Rating,
  ) {}
  check(m: Readonly<RequestsModel>): boolean {
    const r = pick(m, this.slot);
    return r !== undefined && (r.state === 'resolved' || nextSteps(m, r, this.choice).length > 0);
  }
  run(m: RequestsModel, real: ModelWorld): Promise<void> {
    const r = pick(m, this.slot)!;
    if (r.state === 'resolved') return womanAct(m, real, r, 'rate', 'owner', this.rating, this.rating !== Rating.Unsatisfied);
    const steps = nextSteps(m, r, this.choice);
    const { action, target } = steps[this.choice % steps.length]!;
    return handlerAct(m, real, r, action, 'holder', target);
  }
  toString(): string {
    return `request pick ${this.slot} moves on (choice ${this.choice}; she would rate ${this.rating})`;
  }
}

class TimePasses implements Command {
  constructor(readonly ms: number) {}
  check(): boolean {
    return true;
  }
  async run(m: RequestsModel, real: ModelWorld): Promise<void> {
    m.log.push(String(this));
    const before = snapshot(m);
    m.now = new Date(m.now.getTime() + this.ms);
    real.clock.at = m.now;
    await afterStep(m, real, [], before);
  }
  toString(): string {
    return this.ms % (24 * HOUR) === 0 ? `${this.ms / (24 * HOUR)} day(s) pass` : `${this.ms / HOUR} hour(s) pass`;
  }
}

/** Time runs up to the deadline that counts for a request, or to a minute before it: the edges of "overdue". */
class UntilDeadline implements Command {
  constructor(
    readonly slot: number,
    readonly minutesBefore: 0 | 1,
  ) {}
  check(m: Readonly<RequestsModel>): boolean {
    const r = pick(m, this.slot);
    const due = r ? currentDeadline(r) : null;
    return due !== null && due.getTime() - this.minutesBefore * 60_000 > m.now.getTime();
  }
  async run(m: RequestsModel, real: ModelWorld): Promise<void> {
    const r = pick(m, this.slot)!;
    const due = currentDeadline(r)!;
    const before = snapshot(m);
    m.now = new Date(due.getTime() - this.minutesBefore * 60_000);
    m.log.push(`time runs to ${this.minutesBefore ? 'a minute before ' : ''}the deadline of request #${m.requests.indexOf(r) + 1} (${m.now.toISOString()})`);
    real.clock.at = m.now;
    await afterStep(m, real, [r], before);
  }
  toString(): string {
    return `time runs to ${this.minutesBefore ? 'a minute before ' : ''}the deadline of request pick ${this.slot}`;
  }
}

const slot = fc.nat(5);
const ratings = fc.constantFrom(Rating.Satisfied, Rating.Partly, Rating.Unsatisfied, Rating.Unsatisfied);
/** Weights by repetition: fast-check picks among the arbitraries evenly. */
const times = <T>(n: number, arbitrary: fc.Arbitrary<T>) => Array.from({ length: n }, () => arbitrary);
const submits = fc
  .record({ owner: fc.constantFrom<Woman>(...WOMEN), sensitive: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, fc.constant(true)) })
  .map(({ owner, sensitive }) => new Submit(owner, sensitive ? 'sensitive' : 'ordinary'));
const commands: Array<fc.Arbitrary<Command>> = [
  submits,
  ...times(5, fc.record({ slot, choice: fc.nat(9), rating: ratings }).map(({ slot: s, choice, rating }) => new MovesOn(s, choice, rating))),
  ...times(
    2,
    fc
      .record({
        slot,
        action: fc.constantFrom(...HANDLER_ACTIONS),
        who: fc.oneof({ weight: 2, arbitrary: fc.constant<'holder'>('holder') }, fc.constantFrom<Person>(...PEOPLE)),
        target: fc.constantFrom(...BODIES),
      })
      .map(({ slot: s, action, who, target }) => new HandlerStep(s, action, who, target)),
  ),
  fc
    .record({
      slot,
      action: fc.constantFrom<WomanAction>('rate', 'withdraw'),
      who: fc.oneof({ weight: 2, arbitrary: fc.constant<'owner'>('owner') }, fc.constantFrom<Person>(...PEOPLE)),
      rating: ratings,
      helped: fc.boolean(),
    })
    .map(({ slot: s, action, who, rating, helped }) => new WomanStep(s, action, who, rating, helped)),
  fc.constantFrom(1 * HOUR, 1 * HOUR, 3 * HOUR, 3 * HOUR, 24 * HOUR, 3 * 24 * HOUR, 8 * 24 * HOUR).map((ms) => new TimePasses(ms)),
  fc.record({ slot, minutesBefore: fc.constantFrom<0 | 1>(0, 1) }).map(({ slot: s, minutesBefore }) => new UntilDeadline(s, minutesBefore)),
];

describe('service requests, model-based', () => {
  it(`${RUNS} random sequences of steps by six people and the sweeper match the model (seed ${modelSeed()})`, async () => {
    const categories = (await call<ServiceCategory[]>(world.app().baseUrl, 'GET', ApiPaths.categories)).body;
    const rules = {
      ordinary: kindRules(categories.find((c) => c.key === CATEGORY_OF.ordinary)!),
      sensitive: kindRules(categories.find((c) => c.key === CATEGORY_OF.sensitive)!),
    };
    await runModel<Submit, RequestsModel, ModelWorld>({
      name: 'service request',
      // Every sequence opens with a request, so its first steps have something to act on.
      start: submits,
      commands,
      maxCommands: 30,
      runs: RUNS,
      setup: async (first) => {
        await world.clear(['request_event', 'service_request', 'outbox']);
        world.clock.at = START;
        const model: RequestsModel = { now: START, rules, requests: [], log: [], reached: new Set() };
        await first.run(model, world);
        return { model, real: world };
      },
      mustReach: [
        'accept allowed',
        'replied again',
        'refer allowed',
        'return_referral allowed',
        'resolve allowed',
        'withdraw allowed',
        'not satisfied: reopened',
        'accepted for a second round',
        'rated in the second round',
        'escalated to the township',
        'escalated to the county',
        'overdue at the county, not escalated further',
        'auto-closed',
        'handler refused 403',
        'handler refused 404',
        'handler refused 409',
        'woman refused 404',
        'woman refused 409',
      ],
    });
  }, modelTimeoutMs(RUNS));
});

