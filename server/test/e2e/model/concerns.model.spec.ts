import fc from 'fast-check';
import { ApiPaths, ErrorCode, RoleKind, pathOf, type ConcernDetail, type ConcernOutcome, type ConcernSummary, type ErrorResponse, type VoicesBoard } from '@wfh/shared';
import { TREE } from '../../factories/bodies';
import type { ApiReply } from '../../support/test-app';
import { modelRuns, modelSeed, modelTimeoutMs, runModel, useModelWorld, type ModelCommand, type ModelWorld } from '../../support/model-run';
import {
  OFFICIALS,
  PEOPLE,
  WOMEN,
  answer,
  cosign,
  decline,
  detailFor,
  isModerator,
  isPublic,
  maySee,
  merge,
  publish,
  raise,
  withdrawCosign,
  type ConcernModel,
  type ConcernsModel,
  type Outcome,
  type Person,
  type Woman,
} from './concern-model';

/**
 * Random sequences of raising, publishing, declining, merging, co-signing, withdrawing co-signatures
 * and answering concerns of the village, by four women (one from another village), its chair, the
 * county's admin and township staff, through the real HTTP API on MariaDB, each step checked against
 * concern-model.ts.
 */

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai. */
const START = new Date('2026-12-01T02:00:00Z');
const RUNS = modelRuns(70);
const MAX_CONCERNS = 3;

const world = useModelWorld(START, [
  ['anna', { key: 'model-anna', displayName: '张桂英', home: TREE.village }],
  ['bea', { key: 'model-bea', displayName: '李秀兰', home: TREE.village }],
  ['cai', { key: 'model-cai', displayName: '王凤芝', home: TREE.village }],
  ['dora', { key: 'model-dora', displayName: '赵淑珍', home: TREE.siblingVillage }],
  ['chair', { key: 'model-chair', role: { role: RoleKind.Chair, federationId: TREE.village } }],
  ['admin', { key: 'model-admin', role: { role: RoleKind.Admin, federationId: TREE.county } }],
  ['staff', { key: 'model-staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
]);

const TITLES = ['上学路上的路灯坏了', '想要一个手工品集市', '村口垃圾没人收'];
const OUTCOMES: readonly ConcernOutcome[] = ['accepted', 'in_progress', 'done', 'not_adopted'];
const READERS: ReadonlyArray<Person | null> = [...PEOPLE, null];

function expectOutcome(reply: ApiReply, expected: Outcome, okStatus: number, what: string): void {
  const code = (reply.body as ErrorResponse | null)?.code ?? null;
  const fine = expected.ok ? reply.status === okStatus : reply.status === expected.status && code === expected.code;
  if (!fine) {
    throw new Error(`${what}: expected ${expected.ok ? okStatus : `${expected.status} ${expected.code}`}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  }
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : 1);
const summary = (c: { id: string; status: string; cosignCount: number }) => ({ id: c.id, status: c.status, cosignCount: c.cosignCount });

/**
 * After every step: each person (and nobody signed in) reads the concerns the step touched; the
 * public board, the chair's list, township staff's list and the authors' own lists show exactly
 * what the model allows.
 */
async function afterStep(m: ConcernsModel, real: ModelWorld, touched: ConcernModel[]): Promise<void> {
  const expectedSummary = (c: ConcernModel) => ({ id: c.id, status: c.status, cosignCount: c.cosigners.size });
  await Promise.all([
    ...touched.flatMap((c) =>
      READERS.map(async (who) => {
        const reply = await real.api<ConcernDetail>(who, 'GET', pathOf(ApiPaths.concern, { id: c.id }));
        const what = `${who ?? 'nobody signed in'} reads concern #${m.concerns.indexOf(c) + 1}`;
        if (!maySee(who, c)) return expectOutcome(reply, { ok: false, status: 404, code: ErrorCode.ConcernNotFound }, 200, what);
        expectOutcome(reply, { ok: true }, 200, what);
        const d = reply.body;
        expect({
          what,
          concern: {
            status: d.status,
            cosignCount: d.cosignCount,
            isMine: d.isMine,
            cosignedByMe: d.cosignedByMe,
            canCosign: d.canCosign,
            canModerate: d.canModerate,
            declineReason: d.declineReason,
            mergedInto: d.mergedInto?.id ?? null,
            updates: d.updates.map((u) => ({ status: u.status, text: u.text })),
          },
        }).toEqual({ what, concern: detailFor(who, c) });
      }),
    ),
    (async () => {
      const reply = await real.api<VoicesBoard>(null, 'GET', pathOf(ApiPaths.federationVoices, { id: TREE.village }));
      expectOutcome(reply, { ok: true }, 200, 'the public board');
      const shown = m.concerns.filter(isPublic);
      expect({ board: reply.body.concerns.map(summary).sort(byId), counts: reply.body.counts }).toEqual({
        board: shown.map(expectedSummary).sort(byId),
        counts: { raised: shown.length, answered: shown.filter((c) => c.updates.length > 0).length, done: shown.filter((c) => c.status === 'done').length },
      });
    })(),
    // The chair's list has everything; township staff, who do not moderate, get the public part.
    ...(['chair', 'staff'] as const).map(async (who) => {
      const reply = await real.api<ConcernSummary[]>(who, 'GET', pathOf(ApiPaths.federationConcerns, { id: TREE.village }));
      expectOutcome(reply, { ok: true }, 200, `${who} lists the village's concerns`);
      const expected = m.concerns.filter((c) => isPublic(c) || isModerator(who));
      expect({ who, concerns: reply.body.map(summary).sort(byId) }).toEqual({ who, concerns: expected.map(expectedSummary).sort(byId) });
    }),
    ...[...new Set(touched.map((c) => c.author))].map(async (who) => {
      const reply = await real.api<ConcernSummary[]>(who, 'GET', ApiPaths.myConcerns);
      expectOutcome(reply, { ok: true }, 200, `${who} lists her concerns`);
      expect({ who, concerns: reply.body.map(summary).sort(byId) }).toEqual({ who, concerns: m.concerns.filter((c) => c.author === who).map(expectedSummary).sort(byId) });
    }),
  ]);
}

type Command = ModelCommand<ConcernsModel, ModelWorld>;

function pick(m: Readonly<ConcernsModel>, slot: number): ConcernModel | undefined {
  return m.concerns.length === 0 ? undefined : m.concerns[slot % m.concerns.length];
}
const label = (m: ConcernsModel, c: ConcernModel) => `concern #${m.concerns.indexOf(c) + 1}`;

class Raise implements Command {
  constructor(readonly who: Woman) {}
  check(m: Readonly<ConcernsModel>): boolean {
    return m.concerns.length < MAX_CONCERNS;
  }
  async run(m: ConcernsModel, real: ModelWorld): Promise<void> {
    const title = TITLES[m.concerns.length]!;
    m.log.push(`${this.who} raises "${title}" -> concern #${m.concerns.length + 1}`);
    const reply = await real.api<ConcernDetail>(this.who, 'POST', pathOf(ApiPaths.federationConcerns, { id: TREE.village }), {
      title,
      description: '希望村里议一议，大家都关心这件事。',
      notPersonal: true,
    });
    const expected = raise(m, reply.status === 201 ? reply.body.id : 'refused', this.who, title);
    expectOutcome(reply, expected, 201, String(this));
    await afterStep(m, real, expected.ok ? [m.concerns.at(-1)!] : []);
  }
  toString(): string {
    return `${this.who} raises a concern`;
  }
}

type Moderation = 'publish' | 'decline';
const MODERATION_PATH: Record<Moderation, string> = { publish: ApiPaths.concernPublish, decline: ApiPaths.concernDecline };

class Moderate implements Command {
  constructor(
    readonly slot: number,
    readonly action: Moderation,
    readonly who: Person,
  ) {}
  check(m: Readonly<ConcernsModel>): boolean {
    return m.concerns.length > 0;
  }
  async run(m: ConcernsModel, real: ModelWorld): Promise<void> {
    const c = pick(m, this.slot)!;
    const what = `${this.who}: ${this.action} ${label(m, c)}`;
    m.log.push(what);
    const reason = '已转村委会环境卫生组办理';
    const expected = this.action === 'publish' ? publish(m, c, this.who) : decline(m, c, this.who, reason);
    const reply = await real.api(this.who, 'POST', pathOf(MODERATION_PATH[this.action], { id: c.id }), this.action === 'decline' ? { reason } : undefined);
    expectOutcome(reply, expected, 201, what);
    await afterStep(m, real, [c]);
  }
  toString(): string {
    return `${this.who}: ${this.action} concern pick ${this.slot}`;
  }
}

class Merge implements Command {
  constructor(
    readonly slot: number,
    readonly into: number,
    readonly who: Person,
  ) {}
  check(m: Readonly<ConcernsModel>): boolean {
    return m.concerns.length > 1;
  }
  async run(m: ConcernsModel, real: ModelWorld): Promise<void> {
    const c = pick(m, this.slot)!;
    const into = pick(m, this.into)!;
    const what = `${this.who}: merge ${label(m, c)} into ${label(m, into)}`;
    m.log.push(what);
    const expected = merge(m, c, into, this.who);
    const reply = await real.api(this.who, 'POST', pathOf(ApiPaths.concernMerge, { id: c.id }), { intoConcernId: into.id });
    expectOutcome(reply, expected, 201, what);
    await afterStep(m, real, c === into ? [c] : [c, into]);
  }
  toString(): string {
    return `${this.who}: merge concern pick ${this.slot} into pick ${this.into}`;
  }
}

class Answer implements Command {
  constructor(
    readonly slot: number,
    readonly status: ConcernOutcome,
    readonly who: Person,
  ) {}
  check(m: Readonly<ConcernsModel>): boolean {
    return m.concerns.length > 0;
  }
  async run(m: ConcernsModel, real: ModelWorld): Promise<void> {
    const c = pick(m, this.slot)!;
    const what = `${this.who}: answer ${label(m, c)} with "${this.status}"`;
    m.log.push(what);
    const text = `议事会答复第${c.updates.length + 1}次：${this.status}`;
    const expected = answer(m, c, this.who, this.status, text);
    const reply = await real.api(this.who, 'POST', pathOf(ApiPaths.concernUpdates, { id: c.id }), { status: this.status, text });
    expectOutcome(reply, expected, 201, what);
    await afterStep(m, real, [c]);
  }
  toString(): string {
    return `${this.who}: answer concern pick ${this.slot} with ${this.status}`;
  }
}

/** She puts her name to a concern, or takes it back. */
async function cosignAct(m: ConcernsModel, real: ModelWorld, c: ConcernModel, who: Person, withdraw: boolean): Promise<void> {
  const what = `${who} ${withdraw ? 'withdraws her co-signature from' : 'co-signs'} ${label(m, c)}`;
  m.log.push(what);
  const expected = withdraw ? withdrawCosign(m, c, who) : cosign(m, c, who);
  const reply = await real.api(who, withdraw ? 'DELETE' : 'POST', pathOf(ApiPaths.concernCosign, { id: c.id }));
  expectOutcome(reply, expected, withdraw ? 200 : 201, what);
  await afterStep(m, real, [c]);
}

class Cosign implements Command {
  constructor(
    readonly slot: number,
    readonly who: Person,
    readonly withdraw: boolean,
  ) {}
  check(m: Readonly<ConcernsModel>): boolean {
    return m.concerns.length > 0;
  }
  run(m: ConcernsModel, real: ModelWorld): Promise<void> {
    return cosignAct(m, real, pick(m, this.slot)!, this.who, this.withdraw);
  }
  toString(): string {
    return `${this.who} ${this.withdraw ? 'withdraws from' : 'co-signs'} concern pick ${this.slot}`;
  }
}

/** One of the women who co-signed takes her name back (random people seldom pick one who did). */
class TakesBack implements Command {
  constructor(
    readonly slot: number,
    readonly choice: number,
  ) {}
  check(m: Readonly<ConcernsModel>): boolean {
    return m.concerns.some((c) => c.cosigners.size > 0);
  }
  run(m: ConcernsModel, real: ModelWorld): Promise<void> {
    const signed = m.concerns.filter((c) => c.cosigners.size > 0);
    const c = signed[this.slot % signed.length]!;
    const cosigners = [...c.cosigners].sort();
    return cosignAct(m, real, c, cosigners[this.choice % cosigners.length]!, true);
  }
  toString(): string {
    return `co-signer pick ${this.choice} of co-signed concern pick ${this.slot} takes her name back`;
  }
}

const times = <T>(n: number, arbitrary: fc.Arbitrary<T>) => Array.from({ length: n }, () => arbitrary);
const slot = fc.nat(5);
const moderator = fc.oneof({ weight: 4, arbitrary: fc.constant<Person>('chair') }, fc.constantFrom<Person>(...PEOPLE));
const commands: Array<fc.Arbitrary<Command>> = [
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom<Woman>('anna', 'bea', 'cai') }, fc.constant<Woman>('dora')).map((who) => new Raise(who)),
  ...times(2, fc.record({ slot, action: fc.constantFrom<Moderation>('publish', 'publish', 'decline'), who: moderator }).map(({ slot: s, action, who }) => new Moderate(s, action, who))),
  ...times(2, fc.record({ slot, into: slot, who: moderator }).map(({ slot: s, into, who }) => new Merge(s, into, who))),
  ...times(2, fc.record({ slot, status: fc.constantFrom(...OUTCOMES), who: moderator }).map(({ slot: s, status, who }) => new Answer(s, status, who))),
  ...times(
    4,
    fc
      .record({ slot, who: fc.oneof({ weight: 5, arbitrary: fc.constantFrom<Person>(...WOMEN) }, fc.constantFrom<Person>(...OFFICIALS)), withdraw: fc.oneof({ weight: 2, arbitrary: fc.constant(false) }, fc.constant(true)) })
      .map(({ slot: s, who, withdraw }) => new Cosign(s, who, withdraw)),
  ),
  fc.record({ slot, choice: fc.nat(3) }).map(({ slot: s, choice }) => new TakesBack(s, choice)),
];

describe('concerns, model-based', () => {
  it(`${RUNS} random sequences of raising, moderating, co-signing and answering match the model (seed ${modelSeed()})`, async () => {
    await runModel<Woman, ConcernsModel, ModelWorld>({
      name: 'concern',
      // Every sequence opens with a concern raised by a woman of the village.
      start: fc.constantFrom<Woman>('anna', 'bea', 'cai'),
      commands,
      maxCommands: 25,
      runs: RUNS,
      setup: async (author) => {
        await world.clear(['concern_cosign', 'concern_update', 'concern', 'outbox']);
        world.clock.at = START;
        const model: ConcernsModel = { concerns: [], log: [], reached: new Set() };
        await new Raise(author).run(model, world);
        return { model, real: world };
      },
      mustReach: [
        'published',
        'declined',
        'merged',
        'co-signed',
        'co-signature withdrawn',
        'answered accepted',
        'answered in_progress',
        'answered done',
        'answered not_adopted',
        'answered again',
      ],
    });
  }, modelTimeoutMs(RUNS));
});
