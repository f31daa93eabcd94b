import { randomUUID } from 'node:crypto';
import {
  ActivityCategory,
  ApiPaths,
  CareTag,
  Rating,
  RequestAction,
  RoleKind,
  ServiceCategoryKey,
  SiteKind,
  pathOf,
  requestActionPath,
} from '@wfh/shared';
import type { Actor, SecretName } from '../e2e/access-matrix.table';
import { createPerson, createTree, TREE, type PersonSpec } from '../factories/bodies';
import { signInAs } from './api-expect';
import { call, startTestApp, type ApiReply, type TestApp } from './test-app';
import type { FixedClock } from './tree-app';

/**
 * The world of the access matrix (see access-matrix.table.ts): everything belongs to woman A of
 * village 1, made through the API as the people themselves would, once for the whole run.
 */

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai: the fixtures are made then … */
const T0 = new Date('2026-12-01T02:00:00Z');
/** … and the matrix runs an hour later: the council meeting has begun, sign-up and check-in are open. */
const T1 = new Date(T0.getTime() + 3600_000);
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();

type Person = Exclude<Actor, 'anon'>;

/** Role holders live in a village of the other township: no role comes with a home in village 1. */
const ELSEWHERE = TREE.otherTownshipVillage;
const PEOPLE: Record<Person, PersonSpec> = {
  A: { key: 'm-woman-a', displayName: '王秀英', home: TREE.village },
  B: { key: 'm-woman-b', displayName: '李桂兰', home: TREE.village },
  chair: { key: 'm-chair', displayName: '张春梅', home: ELSEWHERE, role: { role: RoleKind.Chair, federationId: TREE.village } },
  sib: { key: 'm-sibling-chair', displayName: '刘玉珍', home: ELSEWHERE, role: { role: RoleKind.Chair, federationId: TREE.siblingVillage } },
  staff: { key: 'm-staff', displayName: '孙丽', home: ELSEWHERE, role: { role: RoleKind.Staff, federationId: TREE.township } },
  oStaff: { key: 'm-other-staff', displayName: '周敏', home: ELSEWHERE, role: { role: RoleKind.Staff, federationId: TREE.otherTownship } },
  admin: { key: 'm-admin', displayName: '吴静', home: ELSEWHERE, role: { role: RoleKind.Admin, federationId: TREE.county } },
  exec: { key: 'm-exec', displayName: '赵红', home: ELSEWHERE, role: { role: RoleKind.Executive, federationId: TREE.village } },
};
const HOME_OF: Record<Person, string> = Object.fromEntries(
  (Object.keys(PEOPLE) as Person[]).map((who) => [who, PEOPLE[who].home ?? ELSEWHERE]),
) as Record<Person, string>;
/** Where each caller's own work is: her role's body, or for a woman (and no token) her home. */
const OWN_BODY: Record<Actor, string> = {
  A: TREE.village,
  B: TREE.village,
  chair: TREE.village,
  sib: TREE.siblingVillage,
  staff: TREE.township,
  oStaff: TREE.otherTownship,
  admin: TREE.county,
  exec: TREE.village,
  anon: TREE.village,
};

/** Neighbours of A who file the new requests and concerns allowed callers use up (keeps A's own counts small). */
const NEIGHBOURS = ['m-neighbour-1', 'm-neighbour-2', 'm-neighbour-3', 'm-neighbour-4'];

/** What only some may read back (SECRETS in the table says who). */
const WORDS = {
  sensitive: '他昨晚又动手了，我带着孩子躲在娘家（矩阵密语甲）',
  ordinary: '婆婆和我为了宅基地的事吵了三年（矩阵密语乙）',
  referred: '承包地被人占了想请镇里协调（矩阵密语丙）',
  referralNote: '她婆婆住在镇上，镇里出面更好说话（矩阵密语癸）',
  pendingConcern: '村卫生室的药总是缺（矩阵密语丁）',
  draftTitle: '尚未公开的春季招聘会（矩阵密语戊）',
  rosterName: '钱淑芬（矩阵密语己）',
  rosterNote: '老伴住院，需要有人常去看看（矩阵密语庚）',
  feedback: '镇上办事窗口中午没人（矩阵密语辛）',
  inactiveSite: '已停用的东街妇女微家（矩阵密语壬）',
  draftNotice: '尚未发布的春耕互助安排（矩阵密语子）',
};
const PHONES = { sensitive: '13912340001', ordinary: '13912340002', mother: '13912340003', roster: '13912340004' };

const mediation = (description: string, phone = '13800000000') => ({
  categoryKey: ServiceCategoryKey.MarriageMediation,
  description,
  answers: { with_whom: '公婆' },
  contact: { method: 'phone', phone, safeTimes: '工作日上午' },
  federationId: TREE.village,
});
const domesticViolence = (description: string, phone = '13800000000') => ({
  categoryKey: ServiceCategoryKey.DomesticViolence,
  description,
  answers: { safe_now: false },
  contact: { method: 'phone', phone, safeTimes: '白天' },
  federationId: TREE.village,
  sensitiveConsent: true,
});
const activityInput = (title: string, overrides: Record<string, unknown> = {}) => ({
  title,
  description: '县妇幼保健院医生到村里，为35至64岁妇女免费检查。',
  category: ActivityCategory.Screening,
  address: '懿路村村委会二楼',
  latitude: 42.2,
  longitude: 123.5,
  startsAt: later(180),
  endsAt: later(300),
  signupOpensAt: later(0),
  signupClosesAt: later(150),
  capacity: 60,
  reservedSeats: 20,
  relativesAllowed: true,
  ...overrides,
});
const siteInput = (name: string) => ({
  kind: SiteKind.WomensHome,
  name,
  address: '铁岭县新台子镇懿路村村委会一楼',
  latitude: 42.101,
  longitude: 123.501,
  phone: '024-87650000',
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '17:00' })),
  services: [ServiceCategoryKey.LegalAid],
  chairPublicName: '张主席',
});
const concernInput = (title: string, description: string) => ({ title, description, notPersonal: true });
const noticeInput = (title: string, body = '# 时间\n12月10日上午\n\n- 带身份证') => ({ kind: 'announcement', title, body });

/** A county's sheet of one site, for the imports. */
const SITE_SHEET = '名称,类型,所属组织,地址,纬度,经度\r\n懿路村妇女微家,妇女微家,懿路村,懿路村三组,42.1,123.5\r\n';

/** A body sent as it is, not as JSON: a spreadsheet file for the imports. */
export class RawBody {
  constructor(
    readonly contentType: string,
    readonly text: string,
  ) {}
}

export interface CallContext {
  actor: Actor;
  world: MatrixWorld;
  /** The path parameters of this cell. */
  params: Record<string, string>;
}

export interface CallSpec {
  query?: string;
  body?: (c: CallContext) => unknown | Promise<unknown>;
  /** For an allowed caller: the path parameters of a new thing made the same way (the write uses it up). */
  fresh?: (c: CallContext) => Promise<Record<string, string>>;
}

export class MatrixWorld {
  readonly tokens: Partial<Record<Actor, string>> = {};
  readonly userIds = {} as Record<Person, string>;
  readonly ids: Record<string, string> = {};
  readonly codes: Record<string, string> = {};
  readonly secrets = {} as Record<SecretName, string[]>;
  private readonly neighbourTokens: string[] = [];
  private turn = 0;
  private serial = 0;

  private constructor(
    readonly t: TestApp,
    readonly clock: FixedClock,
  ) {}

  static async build(): Promise<MatrixWorld> {
    const clock: FixedClock = { at: T0, now() { return this.at; } };
    // The test stands behind a proxy on loopback, so each call can come from its own address (api).
    const world = new MatrixWorld(await startTestApp({ TRUST_PROXY: 'loopback' }, { clock }), clock);
    await world.t.reset();
    await createTree(world.t.dataSource);
    await world.makeFixtures();
    clock.at = T1;
    // A QR code lasts two minutes of the matrix's own time: made at the time it runs.
    await world.makeConsoleFixtures();
    return world;
  }

  close(): Promise<void> {
    return this.t.close();
  }

  /**
   * A call as one of the callers. Each call comes from its own address, as calls from many phones
   * would: a thousand calls from one address would meet the per-address limits (rating codes: ten an
   * hour), and a limit is not what a cell asserts. `who` is a caller of the table, or the token of
   * someone outside it (a neighbour).
   */
  api<T = any>(who: Actor | string, method: string, path: string, body?: unknown): Promise<ApiReply<T>> {
    const token = who in OWN_BODY ? this.tokens[who as Actor] : who;
    this.serial += 1;
    const forwarded = { 'x-forwarded-for': `10.${(this.serial >> 16) & 255}.${(this.serial >> 8) & 255}.${this.serial & 255}` };
    if (body instanceof RawBody) return call<T>(this.t.baseUrl, method, path, { token, rawBody: body.text, headers: { ...forwarded, 'content-type': body.contentType } });
    return call<T>(this.t.baseUrl, method, path, { token, body, headers: forwarded });
  }

  /** Like api, but the answer must be the given status: for making fixtures. */
  async must<T = any>(status: number, who: Actor | string, method: string, path: string, body?: unknown): Promise<T> {
    const reply = await this.api<T>(who, method, path, body);
    if (reply.status !== status) throw new Error(`fixture ${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  homeOf(actor: Person): string {
    return HOME_OF[actor];
  }

  ownBody(actor: Actor): string {
    return OWN_BODY[actor];
  }

  private neighbour(): string {
    this.turn += 1;
    return this.neighbourTokens[this.turn % this.neighbourTokens.length]!;
  }

  /** A phone number used once. */
  phone(): string {
    this.serial += 1;
    return `1375${String(this.serial).padStart(7, '0')}`;
  }

  // ---- the world ----

  private async makeFixtures(): Promise<void> {
    const ds = this.t.dataSource;
    for (const who of Object.keys(PEOPLE) as Person[]) {
      this.userIds[who] = (await createPerson(ds, PEOPLE[who])).id;
      this.tokens[who] = (await signInAs(this.t.baseUrl, PEOPLE[who].key)).accessToken;
    }
    for (const key of NEIGHBOURS) {
      await createPerson(ds, { key, home: TREE.village });
      this.neighbourTokens.push((await signInAs(this.t.baseUrl, key)).accessToken);
    }
    this.ids.deputy = (await createPerson(ds, { key: 'm-deputy', role: { role: RoleKind.Deputy, federationId: TREE.village } })).id;

    // The county sends domestic violence from village 1 to the village itself: her chair handles it.
    const rule = await this.must(201, 'admin', 'POST', pathOf(ApiPaths.countyRoutingRules, { id: TREE.county }), {
      regionPrefix: TREE.village,
      categoryKey: ServiceCategoryKey.DomesticViolence,
      targetFederationId: TREE.village,
      label: '懿路村维权岗',
    });
    this.ids.rule = rule.id;

    const sensitive = await this.must(201, 'A', 'POST', ApiPaths.requests, domesticViolence(WORDS.sensitive, PHONES.sensitive));
    if (sensitive.federationId !== TREE.village) throw new Error(`the sensitive request went to ${sensitive.federationId}`);
    this.ids.sensitiveRequest = sensitive.id;
    this.ids.ordinaryRequest = (await this.must(201, 'A', 'POST', ApiPaths.requests, mediation(WORDS.ordinary, PHONES.ordinary))).id;
    this.ids.referredRequest = (await this.must(201, 'A', 'POST', ApiPaths.requests, mediation(WORDS.referred))).id;
    // Her neighbour asked for help too (and so cannot delete her account while it is open).
    await this.must(201, 'B', 'POST', ApiPaths.requests, mediation('想请妇联帮忙调解'));
    for (const id of [this.ids.sensitiveRequest, this.ids.ordinaryRequest]) await this.act('chair', id, RequestAction.Accept, { note: '已受理' });
    await this.act('chair', this.ids.referredRequest, RequestAction.Refer, {
      toFederationId: TREE.township,
      reason: WORDS.referralNote,
      messageToHer: '您的事已请镇妇联一起办理',
    });

    const published = await this.publishedActivity('免费两癌筛查');
    this.ids.publishedActivity = published;
    this.ids.draftActivity = (await this.must(201, 'chair', 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), activityInput(WORDS.draftTitle, {
      startsAt: later(2 * 1440), endsAt: later(2 * 1440 + 120), signupClosesAt: later(1440),
    }))).id;
    const council = await this.must(201, 'chair', 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), activityInput('十二月妇女议事会', {
      category: ActivityCategory.Council, startsAt: later(30), endsAt: later(120), signupClosesAt: later(29),
    }));
    await this.must(201, 'chair', 'POST', pathOf(ApiPaths.activityPublish, { id: council.id }));
    this.ids.councilMeeting = council.id;

    const signups = pathOf(ApiPaths.activitySignups, { id: published });
    const self = await this.must(201, 'A', 'POST', signups, {});
    const mother = await this.must(201, 'A', 'POST', signups, { attendee: { name: '王母', phone: PHONES.mother } });
    const neighbourSeat = await this.must(201, 'B', 'POST', signups, {});
    this.ids.signupOfA = self.id;
    this.ids.signupOfMother = mother.id;
    this.codes.checkInA = self.checkInToken;
    this.codes.checkInMother = mother.checkInToken;
    this.codes.checkInB = neighbourSeat.checkInToken;
    this.ids.reservedSignup = await this.reservedSeat();
    this.ids.checkedInSeat = (await this.checkedInSeat()).signupId;

    this.ids.pendingConcern = (await this.must(201, 'A', 'POST', pathOf(ApiPaths.federationConcerns, { id: TREE.village }), concernInput('卫生室缺药', WORDS.pendingConcern))).id;
    this.ids.publishedConcern = await this.publishedConcern('A');

    this.ids.draftNotice = (await this.must(201, 'chair', 'POST', pathOf(ApiPaths.federationNotices, { id: TREE.village }), noticeInput('春耕互助安排', WORDS.draftNotice))).id;
    this.ids.publishedNotice = await this.publishedNotice();

    this.ids.site = (await this.must(201, 'chair', 'POST', pathOf(ApiPaths.federationSites, { id: TREE.village }), siteInput('懿路村妇女之家'))).id;
    this.ids.inactiveSite = (await this.must(201, 'chair', 'POST', pathOf(ApiPaths.federationSites, { id: TREE.village }), siteInput(WORDS.inactiveSite))).id;
    await this.must(200, 'chair', 'PATCH', pathOf(ApiPaths.site, { id: this.ids.inactiveSite }), { active: false });

    this.ids.rosterEntry = await this.rosterEntry(WORDS.rosterName, PHONES.roster);
    await this.must(201, 'exec', 'POST', pathOf(ApiPaths.rosterEntryContacts, { id: this.ids.rosterEntry }), { date: '2026-11-30', method: 'visit', note: WORDS.rosterNote });
    this.codes.rosterInvitation = await this.rosterInvitation();

    this.ids.feedback = (await this.must(201, 'A', 'POST', ApiPaths.feedback, { kind: 'complaint', federationId: TREE.village, text: WORDS.feedback })).id;
    this.codes.roleInvitation = await this.roleInvitation();
    this.codes.rating = await this.ratingCode();
    this.ids.recordedRequest = await this.recordedRequest();
    this.ids.importProgress = await this.importProgress();

    const set = (name: SecretName, values: Array<string | null | undefined>) => {
      if (values.some((v) => !v)) throw new Error(`a fixture value of "${name}" is missing`);
      this.secrets[name] = values as string[];
    };
    set('sensitive request: her words, her phone, its id', [WORDS.sensitive, PHONES.sensitive, this.ids.sensitiveRequest]);
    set('ordinary request: her words, her phone, its id', [WORDS.ordinary, PHONES.ordinary, this.ids.ordinaryRequest]);
    set('referred request: her words', [WORDS.referred]);
    set('referred request: the note for colleagues', [WORDS.referralNote]);
    set('pending concern: its words, its id', [WORDS.pendingConcern, this.ids.pendingConcern]);
    set('draft activity: its title, its id', [WORDS.draftTitle, this.ids.draftActivity]);
    set('draft notice: its words, its id', [WORDS.draftNotice, this.ids.draftNotice]);
    set("her mother's phone (sign-up)", [PHONES.mother]);
    set('the check-in QR token of her seat', [this.codes.checkInA, this.codes.checkInMother]);
    set("her sign-ups' ids", [self.id, mother.id]);
    set('roster entry: the phone', [PHONES.roster]);
    set('roster entry: the name, its id, the contact note', [WORDS.rosterName, this.ids.rosterEntry, WORDS.rosterNote]);
    set('feedback: her words, its id', [WORDS.feedback, this.ids.feedback]);
    set('inactive site: its name', [WORDS.inactiveSite]);
    set('routing rule: its id', [this.ids.rule]);
    set('role invitation code', [this.codes.roleInvitation]);
    set('roster invitation code', [this.codes.rosterInvitation]);
    set('rating code', [this.codes.rating]);
    set('her user id', [this.userIds.A]);
  }

  private async makeConsoleFixtures(): Promise<void> {
    this.ids.consoleSignIn = await this.consoleSignIn();
    this.ids.consoleSessionOfChair = await this.consoleSessionOfChair();
    this.secrets["a PC's poll secret"] = [this.codes[`poll:${this.ids.consoleSignIn}`]!];
  }

  // ---- makers: used for the fixtures and again for each allowed caller of a write that uses a thing up ----

  act(who: Actor, id: string, action: RequestAction, body: unknown): Promise<unknown> {
    return this.must(200, who, 'POST', pathOf(requestActionPath(action), { id }), body);
  }

  /** A new request of village 1 in the given state; filed by A, or by a neighbour when A's own is not needed. */
  async request(kind: 'sensitive' | 'ordinary', state: 'submitted' | 'accepted' | 'referred' | 'resolved', by: 'A' | 'neighbour'): Promise<string> {
    const body = kind === 'sensitive' ? domesticViolence('又吵起来了') : mediation('想请妇联帮忙说和');
    const { id } = await this.must(201, by === 'A' ? 'A' : this.neighbour(), 'POST', ApiPaths.requests, body);
    if (state === 'referred') await this.act('chair', id, RequestAction.Refer, { toFederationId: TREE.township, reason: '请镇里协调' });
    if (state === 'accepted' || state === 'resolved') await this.act('chair', id, RequestAction.Accept, { note: '已受理' });
    if (state === 'resolved') await this.act('chair', id, RequestAction.Resolve, { resolution: '已调解' });
    return id;
  }

  async draftActivity(): Promise<string> {
    return (await this.must(201, 'chair', 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), activityInput('冬季手工编织培训', {
      startsAt: later(2 * 1440), endsAt: later(2 * 1440 + 120), signupClosesAt: later(1440),
    }))).id;
  }

  async publishedActivity(title: string): Promise<string> {
    const { id } = await this.must(201, 'chair', 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), activityInput(title));
    await this.must(201, 'chair', 'POST', pathOf(ApiPaths.activityPublish, { id }));
    return id;
  }

  /** A's own seat on a new activity. */
  async signupOfA(): Promise<string> {
    const activity = await this.publishedActivity('家庭教育讲座');
    return (await this.must(201, 'A', 'POST', pathOf(ApiPaths.activitySignups, { id: activity }), {})).id;
  }

  async reservedSeat(): Promise<string> {
    const body = { name: '孙奶奶', phone: this.phone(), consentRecorded: true };
    return (await this.must(201, 'chair', 'POST', pathOf(ApiPaths.activityAttendees, { id: this.ids.publishedActivity }), body)).id;
  }

  /** A reserved seat the chair added to the published activity and checked in, as path parameters. */
  async checkedInSeat(): Promise<Record<string, string>> {
    const id = this.ids.publishedActivity!;
    const signupId = await this.reservedSeat();
    await this.must(201, 'chair', 'POST', pathOf(ApiPaths.activityCheckIns, { id }), { code: signupId });
    return { id, signupId };
  }

  async pendingConcern(): Promise<string> {
    return (await this.must(201, this.neighbour(), 'POST', pathOf(ApiPaths.federationConcerns, { id: TREE.village }), concernInput('路灯坏了', '村东头三盏路灯不亮'))).id;
  }

  async publishedConcern(by: 'A' | 'neighbour' = 'neighbour'): Promise<string> {
    const author = by === 'A' ? 'A' : this.neighbour();
    const { id } = await this.must(201, author, 'POST', pathOf(ApiPaths.federationConcerns, { id: TREE.village }), concernInput('小学门口没有斑马线', '孩子上学过马路很危险'));
    await this.must(201, 'chair', 'POST', pathOf(ApiPaths.concernPublish, { id }));
    return id;
  }

  async draftNotice(): Promise<string> {
    return (await this.must(201, 'chair', 'POST', pathOf(ApiPaths.federationNotices, { id: TREE.village }), noticeInput('冬季安全提示'))).id;
  }

  async publishedNotice(): Promise<string> {
    const id = await this.draftNotice();
    await this.must(201, 'chair', 'POST', pathOf(ApiPaths.noticePublish, { id }), {});
    return id;
  }

  async rosterEntry(name = '孙大娘', phone = this.phone()): Promise<string> {
    const body = { name, phone, consentRecorded: true, tags: [CareTag.Elderly] };
    return (await this.must(201, 'exec', 'POST', pathOf(ApiPaths.federationRoster, { id: TREE.village }), body)).id;
  }

  async rosterInvitation(): Promise<string> {
    return (await this.must(201, 'exec', 'POST', pathOf(ApiPaths.federationRosterInvitations, { id: TREE.village }))).code;
  }

  /** An executive's place in a village of another township: accepting it gives nobody a role near A. */
  async roleInvitation(): Promise<string> {
    const body = { role: RoleKind.Executive, inviteeName: '钱执委' };
    return (await this.must(201, 'admin', 'POST', pathOf(ApiPaths.federationRoleInvitations, { id: TREE.otherTownshipVillage }), body)).code;
  }

  /** The code a woman gets for a request the chair recorded for her and resolved. */
  async ratingCode(): Promise<string> {
    const { federationId: _, ...rest } = mediation('电话里说家里闹矛盾');
    const body = { ...rest, womanName: '赵大姐', womanPhone: this.phone(), source: 'phone', consentRecorded: true };
    const created = await this.must(201, 'chair', 'POST', pathOf(ApiPaths.federationRequests, { id: TREE.village }), body);
    await this.act('chair', created.request.id, RequestAction.Accept, { note: '已受理' });
    await this.act('chair', created.request.id, RequestAction.Resolve, { resolution: '已调解' });
    return created.ratingCode;
  }

  /** A request the chair recorded for a woman without WeChat, by phone: her 不要短信 is the chair's to record. */
  async recordedRequest(): Promise<string> {
    const { federationId: _, ...rest } = mediation('电话里说想学手艺');
    const body = { ...rest, womanName: '孙大姐', womanPhone: this.phone(), source: 'phone', consentRecorded: true };
    return (await this.must(201, 'chair', 'POST', pathOf(ApiPaths.federationRequests, { id: TREE.village }), body)).request.id;
  }

  /** The id of an import the admin sent (a dry run of one site): its progress is hers alone to read. */
  async importProgress(): Promise<string> {
    const progressId = randomUUID();
    const path = `${pathOf(ApiPaths.countyImport, { countyId: TREE.county, kind: 'sites' })}?dryRun=true&progressId=${progressId}`;
    await this.must(200, 'admin', 'POST', path, new RawBody('text/csv', SITE_SHEET));
    return progressId;
  }

  async routingRule(): Promise<string> {
    const body = { regionPrefix: TREE.siblingVillage, categoryKey: ServiceCategoryKey.Counselling, targetFederationId: TREE.township };
    return (await this.must(201, 'admin', 'POST', pathOf(ApiPaths.countyRoutingRules, { id: TREE.county }), body)).id;
  }

  /** A PC asking to be signed in by QR code; its poll secret is kept by the PC (here, in codes). */
  async consoleSignIn(): Promise<string> {
    const started = await this.must(201, 'anon', 'POST', ApiPaths.consoleSignIns);
    this.codes[`poll:${started.id}`] = started.pollToken;
    return started.id;
  }

  /** A PC the chair confirmed and that collected her session. */
  async consoleSessionOfChair(): Promise<string> {
    const id = await this.consoleSignIn();
    await this.must(200, 'chair', 'POST', pathOf(ApiPaths.consoleSignInConfirm, { id }));
    await this.must(200, 'anon', 'POST', pathOf(ApiPaths.consoleSignInPoll, { id }), { pollToken: this.codes[`poll:${id}`] });
    return id;
  }

  async deputy(): Promise<string> {
    this.serial += 1;
    return (await createPerson(this.t.dataSource, { key: `m-deputy-${this.serial}`, role: { role: RoleKind.Deputy, federationId: TREE.village } })).id;
  }

  // ---- what the table's cases name ----

  /** The path parameters a case calls the route with. */
  target(caseName: string, actor: Actor): Record<string, string> {
    const id = (value: string) => ({ id: value });
    /** A body's code names it in both kinds of path: /federations/:id and /regions/:code. */
    const body = (value: string) => ({ id: value, code: value });
    switch (caseName) {
      case "her village's list":
      case 'a stranger':
      case 'her own':
      case 'her village':
        return {};
      case 'village 1': return body(TREE.village);
      case 'township 1': return body(TREE.township);
      case 'the county': return { id: TREE.county, key: ServiceCategoryKey.Other };
      case "the county's sites": return { countyId: TREE.county, kind: 'sites' };
      case "the admin's import": return { countyId: TREE.county, progressId: this.ids.importProgress! };
      case "the county's rule": return { id: TREE.county, ruleId: this.ids.rule! };
      case 'her own body': return id(OWN_BODY[actor]);
      case 'published activity': return id(this.ids.publishedActivity!);
      case 'draft activity': return id(this.ids.draftActivity!);
      case 'a checked-in seat': return { id: this.ids.publishedActivity!, signupId: this.ids.checkedInSeat! };
      case 'council meeting': return id(this.ids.councilMeeting!);
      case 'pending concern': return id(this.ids.pendingConcern!);
      case 'published concern': return id(this.ids.publishedConcern!);
      case 'draft notice': return id(this.ids.draftNotice!);
      case 'published notice': return id(this.ids.publishedNotice!);
      case 'sensitive request': return id(this.ids.sensitiveRequest!);
      case 'ordinary request': return id(this.ids.ordinaryRequest!);
      case 'request referred to the township': return id(this.ids.referredRequest!);
      case 'her feedback': return id(this.ids.feedback!);
      case 'a request the chair recorded': return id(this.ids.recordedRequest!);
      case "the county's messages": return { countyId: TREE.county };
      case 'roster entry': return id(this.ids.rosterEntry!);
      case 'her sign-up': return id(this.ids.signupOfA!);
      case 'a reserved place the chair added': return id(this.ids.reservedSignup!);
      case 'site': return id(this.ids.site!);
      case 'inactive site': return id(this.ids.inactiveSite!);
      case 'the holiday calendar': return {};
      case 'next year': return { year: '2027' };
      case 'a PC waiting to be signed in': return id(this.ids.consoleSignIn!);
      case 'a PC the chair signed in': return id(this.ids.consoleSessionOfChair!);
      case 'a PC sign-in nobody asked for': return id('AAAAAAAAAAAAAAAAAAAAAA');
      case 'a guessed code': return { code: 'QWERTYUP' };
      case 'the code she was given': return { code: this.codes.rating! };
      case 'the code the admin handed out': return { code: this.codes.roleInvitation! };
      case 'the code the executive handed out': return { code: this.codes.rosterInvitation! };
      default:
        throw new Error(`the matrix names a case "${caseName}" the fixtures do not know`);
    }
  }
}

/** New requests for the allowed callers of a handler's or her own action, by case. */
const freshRequest =
  (state: 'submitted' | 'accepted' | 'referred' | 'resolved', by: 'A' | 'neighbour' = 'neighbour') =>
  async ({ world, params }: CallContext) => {
    const kind = params.id === world.ids.sensitiveRequest ? 'sensitive' : 'ordinary';
    return { id: await world.request(kind, state, by) };
  };
const statsQuery = '?from=2026-11-01&to=2026-12-01';

/** How each route is called: query, a valid body, and whether allowed callers need a new thing. */
export const CALLS: Record<string, CallSpec> = {
  'GET /api/v1/activities': { query: `?federationId=${TREE.village}` },
  'PATCH /api/v1/activities/:id': { body: () => ({ description: '县妇幼保健院医生到村里，为35至64岁妇女免费检查。' }) },
  'PUT /api/v1/activities/:id/agenda': { body: ({ world }) => ({ concernIds: [world.ids.publishedConcern] }) },
  'POST /api/v1/activities/:id/attendees': { body: ({ world }) => ({ name: '孙奶奶', phone: world.phone(), consentRecorded: true }) },
  'POST /api/v1/activities/:id/cancel': { body: () => ({ reason: '天气原因改期' }), fresh: async ({ world }) => ({ id: await world.draftActivity() }) },
  'POST /api/v1/activities/:id/check-ins': {
    body: ({ world, actor }) => ({ code: { staff: world.codes.checkInMother, admin: world.codes.checkInB }[actor as string] ?? world.codes.checkInA }),
  },
  'DELETE /api/v1/activities/:id/check-ins/:signupId': { fresh: async ({ world }) => world.checkedInSeat() },
  'PUT /api/v1/activities/:id/minutes': { body: () => ({ minutes: '议事会讨论了卫生室缺药和斑马线两件事。' }) },
  'POST /api/v1/activities/:id/publish': { fresh: async ({ world }) => ({ id: await world.draftActivity() }) },
  'POST /api/v1/activities/:id/signups': {
    body: ({ world, actor }) => (actor === 'A' || actor === 'B' ? { attendee: { name: '老母亲', phone: world.phone() } } : {}),
  },

  'POST /api/v1/auth/dev': { body: () => ({ personKey: 'nobody-of-this-world' }) },
  'POST /api/v1/auth/refresh': { body: () => ({ refreshToken: 'a-made-up-refresh-token' }) },
  'POST /api/v1/auth/sign-out': { body: () => ({ refreshToken: 'a-made-up-refresh-token' }) },
  'POST /api/v1/auth/wechat': { body: () => ({ code: 'a-code-wechat-never-gave' }) },

  'POST /api/v1/console/sessions/:id/confirm': { fresh: async ({ world, params }) => (params.id === world.ids.consoleSignIn ? { id: await world.consoleSignIn() } : params) },
  'POST /api/v1/console/sessions/:id/poll': { body: ({ world, params }) => ({ pollToken: world.codes[`poll:${params.id}`] ?? 'a-guessed-poll-secret' }) },
  'POST /api/v1/console/sessions/:id/refuse': { fresh: async ({ world }) => ({ id: await world.consoleSignIn() }) },
  'DELETE /api/v1/me/console-sessions/:id': { fresh: async ({ world }) => ({ id: await world.consoleSessionOfChair() }) },

  'DELETE /api/v1/concerns/:id/cosign': {
    fresh: async ({ world }) => {
      const id = await world.publishedConcern();
      await world.must(201, 'B', 'POST', pathOf(ApiPaths.concernCosign, { id }));
      return { id };
    },
  },
  'POST /api/v1/concerns/:id/cosign': { fresh: async ({ world }) => ({ id: await world.publishedConcern() }) },
  'POST /api/v1/concerns/:id/decline': { body: () => ({ reason: '这件事不归村里管' }), fresh: async ({ world }) => ({ id: await world.pendingConcern() }) },
  'POST /api/v1/concerns/:id/merge': { body: ({ world }) => ({ intoConcernId: world.ids.publishedConcern }), fresh: async ({ world }) => ({ id: await world.pendingConcern() }) },
  'POST /api/v1/concerns/:id/publish': { fresh: async ({ world }) => ({ id: await world.pendingConcern() }) },
  'POST /api/v1/concerns/:id/updates': {
    body: () => ({ status: 'accepted', text: '议事会同意，下周施划斑马线' }),
    fresh: async ({ world }) => ({ id: await world.publishedConcern() }),
  },

  'POST /api/v1/federations/:id/notices': { body: () => noticeInput('冬季手工编织培训报名') },
  // Its own title again: the other cells see the draft unchanged.
  'PATCH /api/v1/notices/:id': { body: () => ({ title: '春耕互助安排' }) },
  'POST /api/v1/notices/:id/publish': { body: () => ({}), fresh: async ({ world, params }) => (params.id === world.ids.draftNotice ? { id: await world.draftNotice() } : params) },
  'POST /api/v1/notices/:id/withdraw': { fresh: async ({ world, params }) => (params.id === world.ids.publishedNotice ? { id: await world.publishedNotice() } : params) },

  'PATCH /api/v1/federations/:id': { body: () => ({ officeHours: '周一至周五 8:30-17:00' }) },
  'PUT /api/v1/federations/:id/active': { body: () => ({ active: true }) },
  'POST /api/v1/federations/:id/activities': { body: () => activityInput('冬季手工编织培训', { startsAt: later(2 * 1440), endsAt: later(2 * 1440 + 120), signupClosesAt: later(1440) }) },
  'PATCH /api/v1/federations/:id/categories/:key': { body: () => ({ firstResponseHours: 16 }) },
  'POST /api/v1/federations/:id/concerns': { body: () => concernInput('村里想办个广场舞队', '晚上大家没有地方活动') },
  'PUT /api/v1/federations/:id/cover': { body: () => ({ deputyUserId: null, awayFrom: later(7 * 1440), awayUntil: later(8 * 1440) }) },
  'PUT /api/v1/federations/:id/registered-women': { body: () => ({ registeredWomen: 500 }) },
  'POST /api/v1/federations/:id/requests': {
    body: ({ world }) => {
      const { federationId: _, ...rest } = mediation('到村委会来说家里的事');
      return { ...rest, womanName: '郑大姐', womanPhone: world.phone(), source: 'visit', consentRecorded: true };
    },
  },
  'POST /api/v1/federations/:id/role-invitations': { body: () => ({ role: RoleKind.Executive, inviteeName: '钱执委' }) },
  'POST /api/v1/federations/:id/role-revocations': {
    body: async ({ world, actor }) => ({ userId: actor === 'admin' ? await world.deputy() : world.ids.deputy, role: RoleKind.Deputy }),
  },
  'POST /api/v1/federations/:id/roster': { body: ({ world }) => ({ name: '孙大娘', phone: world.phone(), consentRecorded: true }) },
  'POST /api/v1/federations/:id/routing-preview': { body: () => ({ categoryKey: ServiceCategoryKey.DomesticViolence, homeFederationId: TREE.village }) },
  'POST /api/v1/federations/:id/routing-rules': {
    body: () => ({ regionPrefix: TREE.otherTownshipVillage, categoryKey: ServiceCategoryKey.Other, targetFederationId: TREE.otherTownship }),
  },
  'DELETE /api/v1/federations/:id/routing-rules/:ruleId': { fresh: async ({ world }) => ({ id: TREE.county, ruleId: await world.routingRule() }) },
  'POST /api/v1/federations/:id/sites': { body: () => siteInput('懿路村妇女微家') },
  'GET /api/v1/federations/:id/stats': { query: statsQuery },
  'GET /api/v1/federations/:id/stats.csv': { query: statsQuery },
  'GET /api/v1/counties/:countyId/exports/:kind': { query: '?format=csv' },
  'POST /api/v1/counties/:countyId/imports/:kind': {
    query: '?dryRun=true',
    body: () => new RawBody('text/csv', SITE_SHEET),
  },
  // Made just before the call: a progress lasts minutes, the matrix may run longer.
  'GET /api/v1/counties/:countyId/imports/progress/:progressId': { fresh: async ({ world }) => ({ countyId: TREE.county, progressId: await world.importProgress() }) },
  'GET /api/v1/counties/:countyId/imports/:kind/template': { query: '?format=csv' },

  'POST /api/v1/feedback': { body: () => ({ kind: 'suggestion', federationId: TREE.village, text: '希望多办些技能培训' }) },
  'POST /api/v1/feedback/:id/reply': { body: () => ({ reply: '已转告镇妇联，中午安排人值班' }) },

  'POST /api/v1/me/deletion': { body: () => ({ confirm: true }) },
  'POST /api/v1/me/phone': { body: () => ({ code: 'a-phone-code-wechat-never-gave' }) },
  // The matrix's server has no templates (development): a dialog she closed answers nothing.
  'POST /api/v1/me/subscriptions': { body: () => ({ answers: {} }) },
  // Texts stay allowed: the other cells see the world unchanged.
  'PUT /api/v1/me/sms': { body: () => ({ enabled: true }) },
  'PUT /api/v1/requests/:id/sms': { body: () => ({ enabled: true }) },
  'PUT /api/v1/me/home': { body: ({ world, actor }) => ({ federationId: actor === 'anon' ? TREE.village : world.homeOf(actor) }) },
  // Her own name again: the other cells see the world unchanged.
  'PUT /api/v1/me/name': { body: ({ actor }) => ({ name: actor === 'anon' ? '王大姐' : PEOPLE[actor].displayName! }) },

  'GET /api/v1/nearest': { query: '?latitude=42.1&longitude=123.5' },
  'POST /api/v1/ratings/:code': { body: () => ({ rating: Rating.Satisfied, helped: true }), fresh: async ({ world }) => ({ code: await world.ratingCode() }) },

  'POST /api/v1/requests': { body: () => mediation('想请妇联帮忙调解') },
  'POST /api/v1/requests/:id/accept': { body: () => ({ note: '已受理' }), fresh: freshRequest('submitted') },
  'POST /api/v1/requests/:id/rate': { body: () => ({ rating: Rating.Satisfied, helped: true }), fresh: freshRequest('resolved', 'A') },
  'POST /api/v1/requests/:id/refer': { body: () => ({ toFederationId: TREE.township, reason: '请镇里协调' }), fresh: freshRequest('accepted') },
  'POST /api/v1/requests/:id/reply': { body: () => ({ message: '我们明天上午联系您' }), fresh: freshRequest('accepted') },
  'POST /api/v1/requests/:id/resolve': { body: () => ({ resolution: '双方已和好' }), fresh: freshRequest('accepted') },
  'POST /api/v1/requests/:id/return_referral': { body: () => ({ reason: '请村里先调解' }), fresh: freshRequest('referred') },
  'POST /api/v1/requests/:id/withdraw': { body: () => ({ reason: '已经不需要了' }), fresh: freshRequest('submitted', 'A') },

  'POST /api/v1/role-invitations/:code/accept': { fresh: async ({ world }) => ({ code: await world.roleInvitation() }) },
  'POST /api/v1/roster-invitations/:code/accept': { fresh: async ({ world }) => ({ code: await world.rosterInvitation() }) },
  'DELETE /api/v1/roster/:id': { fresh: async ({ world }) => ({ id: await world.rosterEntry() }) },
  'PATCH /api/v1/roster/:id': { body: () => ({ careEveryWeeks: 4 }) },
  'POST /api/v1/roster/:id/contacts': { body: () => ({ date: '2026-11-30', method: 'phone', note: '电话问候' }) },

  'GET /api/v1/search': { query: `?q=${encodeURIComponent('懿路')}` },
  'POST /api/v1/signups/:id/cancel': {
    fresh: async ({ world, params }) => ({ id: params.id === world.ids.signupOfA ? await world.signupOfA() : await world.reservedSeat() }),
  },
  'PATCH /api/v1/sites/:id': { body: () => ({ chairPublicName: '张主席' }) },
  'PUT /api/v1/holiday-calendar/:year': { body: () => ({ entries: [{ date: '2027-10-01', kind: 'holiday', name: '国庆节' }] }) },
};
