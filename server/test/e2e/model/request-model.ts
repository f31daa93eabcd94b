import { ErrorCode, Rating, ServiceCategoryKey, type ServiceCategory } from '@wfh/shared';
import { dayKindOf } from '../../../src/infra/clock/china-calendar';
import { DEFAULT_OFFICE_HOURS, addWorkingHours } from '../../../src/modules/requests/deadline.policy';
import { TREE } from '../../factories/bodies';
import type { ModelBase } from '../../support/model-run';

/**
 * What a service request should do, written from the design (docs/DESIGN.md, docs/security.md) as a
 * small machine of its own: it does not import the lifecycle table in shared/, so a mistake there
 * shows up here as a difference. The only thing borrowed is the calendar (office hours, holidays,
 * 调休), which has table-driven tests of its own: the model decides from which moment and for how
 * many hours a deadline counts, the calendar turns that into an instant.
 */

// ---- the world: four bodies, two women, four role holders ----

export type Body = 'village' | 'sibling' | 'township' | 'county';
export const BODY_ID: Record<Body, string> = { village: TREE.village, sibling: TREE.siblingVillage, township: TREE.township, county: TREE.county };
export const BODY_NAME: Record<Body, string> = { village: '懿路村妇联', sibling: '东孤家子村妇联', township: '新台子镇妇联', county: '铁岭县妇联' };
/** Where an overdue request goes next; the county is the top of escalation. */
const PARENT: Record<Body, Body | null> = { village: 'township', sibling: 'township', township: 'county', county: null };

export type Woman = 'woman' | 'neighbour';
export type Handler = 'chair' | 'sibChair' | 'staff' | 'admin';
export type Person = Woman | Handler;
export const WOMEN: readonly Woman[] = ['woman', 'neighbour'];
export const HANDLERS: readonly Handler[] = ['chair', 'sibChair', 'staff', 'admin'];
export const PEOPLE: readonly Person[] = [...WOMEN, ...HANDLERS];
/** Each handler's one role: the chair of her village, the other village's chair, township staff, county admin. */
export const ROLE_AT: Record<Handler, Body> = { chair: 'village', sibChair: 'sibling', staff: 'township', admin: 'county' };

function isHandler(who: Person): who is Handler {
  return who in ROLE_AT;
}

/** Whether `upper` is `body` or a body above it. */
function reaches(upper: Body, body: Body): boolean {
  for (let b: Body | null = body; b; b = PARENT[b]) if (b === upper) return true;
  return false;
}

// ---- the lifecycle ----

export type State = 'submitted' | 'accepted' | 'in_progress' | 'referred' | 'escalated' | 'resolved' | 'reopened' | 'closed' | 'withdrawn';
/** Waiting for a first answer from the body that holds it now. */
const WAITING: readonly State[] = ['submitted', 'referred', 'escalated', 'reopened'];
/** Answered, being worked on. */
const HANDLING: readonly State[] = ['accepted', 'in_progress'];
/** Someone's work still: she may withdraw it, a deadline runs. */
const OPEN: readonly State[] = [...WAITING, ...HANDLING];
/** A body passes it on to another without being the one that was asked to take it over. */
const REFERRABLE: readonly State[] = ['submitted', 'accepted', 'in_progress', 'escalated', 'reopened'];

export type HandlerAction = 'accept' | 'reply' | 'refer' | 'return_referral' | 'resolve';
export type WomanAction = 'withdraw' | 'rate';

export type Kind = 'ordinary' | 'sensitive';
export const CATEGORY_OF: Record<Kind, ServiceCategoryKey> = { ordinary: ServiceCategoryKey.MarriageMediation, sensitive: ServiceCategoryKey.DomesticViolence };

/** A category's deadlines and level, as the catalogue the woman reads states them. */
export interface KindRules {
  firstResponseHours: number;
  resolutionHours: number;
  /** Where it goes from her village: the village, or (domestic violence) the county. */
  routedTo: Body;
}

export function kindRules(category: ServiceCategory): KindRules {
  const routedTo: Body | undefined = category.handlingLevel === 'village' ? 'village' : category.handlingLevel === 'township' ? 'township' : category.handlingLevel === 'county' ? 'county' : undefined;
  if (!routedTo) throw new Error(`the model knows no handling level "${category.handlingLevel}"`);
  return { firstResponseHours: category.firstResponseHours, resolutionHours: category.resolutionHours, routedTo };
}

/** A resolved request she never rates closes itself a week later (calendar time). */
const AUTO_CLOSE_MS = 7 * 24 * 3600_000;

export interface ExpectedEvent {
  at: string;
  action: string;
  actor: 'woman' | 'handler' | 'system';
  federationName: string | null;
  toFederationName: string | null;
  toState: State;
  /** What she is told. */
  note: string | null;
  /** For colleagues (a referral's or return's reason): staff read it, she never does. */
  staffNote: string | null;
}

export interface RequestModel {
  id: string;
  owner: Woman;
  kind: Kind;
  state: State;
  holder: Body;
  /** Every body that has held it: they keep seeing it. */
  involved: Set<Body>;
  /** Where a returned referral goes: the body that made the latest referral. */
  lastReferrer: Body | null;
  firstDue: Date;
  resolutionDue: Date;
  autoCloseAt: Date | null;
  ratings: number;
  rating: { rating: Rating; helped: boolean; comment: string | null } | null;
  createdAt: Date;
  events: ExpectedEvent[];
}

export interface RequestsModel extends ModelBase {
  now: Date;
  rules: Record<Kind, KindRules>;
  requests: RequestModel[];
}

export function deadline(from: Date, hours: number): Date {
  return addWorkingHours(from, hours, DEFAULT_OFFICE_HOURS, dayKindOf);
}

/** The deadline that counts now, if one does: a first answer while she waits for one, then the resolution. */
export function currentDeadline(r: RequestModel): Date | null {
  if (WAITING.includes(r.state)) return r.firstDue;
  if (HANDLING.includes(r.state)) return r.resolutionDue;
  return null;
}

export function isOpen(r: RequestModel): boolean {
  return OPEN.includes(r.state);
}

// ---- who sees, who acts ----

/**
 * Her own request, always. A role holder: an ordinary request once it has been at her body or at a
 * body under hers (a township watches its villages); a sensitive one only if her own body has held it.
 */
export function maySee(who: Person, r: RequestModel): boolean {
  if (who === r.owner) return true;
  if (!isHandler(who)) return false;
  const at = ROLE_AT[who];
  return [...r.involved].some((body) => (r.kind === 'sensitive' ? body === at : reaches(at, body)));
}

/** Only the body holding it now acts on it. */
function holds(who: Person, r: RequestModel): boolean {
  return isHandler(who) && ROLE_AT[who] === r.holder;
}

/** The handler of the body holding it: who "the holder" is in a step. */
export function holderOf(r: RequestModel): Handler {
  return HANDLERS.find((h) => ROLE_AT[h] === r.holder)!;
}

/** An inbox: the open requests the body holds; watched from a body above, only the ordinary ones. */
export function inboxOf(model: RequestsModel, body: Body, viewer: Handler): RequestModel[] | 'forbidden' {
  const at = ROLE_AT[viewer];
  if (at !== body && !reaches(at, body)) return 'forbidden';
  return model.requests.filter((r) => r.holder === body && isOpen(r) && (at === body || r.kind === 'ordinary'));
}

// ---- steps ----

export type Outcome = { ok: true; status: number } | { ok: false; status: number; code: ErrorCode };

const refused = (status: number, code: ErrorCode): Outcome => ({ ok: false, status, code });
const OK: Outcome = { ok: true, status: 200 };
const NOT_NOW = refused(409, ErrorCode.TransitionNotAllowed);

function event(
  model: RequestsModel,
  action: string,
  actor: ExpectedEvent['actor'],
  by: Body | null,
  to: Body | null,
  toState: State,
  note: string | null,
  staffNote: string | null = null,
): ExpectedEvent {
  return {
    at: model.now.toISOString(),
    action,
    actor,
    federationName: by ? BODY_NAME[by] : null,
    toFederationName: to ? BODY_NAME[to] : null,
    toState,
    note,
    staffNote,
  };
}

/** The timeline as one reader reads it: the owner never gets a note meant for colleagues. */
export function timelineFor(who: Person, r: RequestModel): ExpectedEvent[] {
  return who === r.owner ? r.events.map((e) => ({ ...e, staffNote: null })) : r.events;
}

export function submit(model: RequestsModel, id: string, owner: Woman, kind: Kind): RequestModel {
  const rules = model.rules[kind];
  const request: RequestModel = {
    id,
    owner,
    kind,
    state: 'submitted',
    holder: rules.routedTo,
    involved: new Set([rules.routedTo]),
    lastReferrer: null,
    firstDue: deadline(model.now, rules.firstResponseHours),
    resolutionDue: deadline(model.now, rules.resolutionHours),
    autoCloseAt: null,
    ratings: 0,
    rating: null,
    createdAt: model.now,
    events: [event(model, 'submit', 'woman', null, null, 'submitted', null)],
  };
  model.requests.push(request);
  return request;
}

/** A handler's step: what the answer should be, and (when it is allowed) the change it makes. */
export function handlerStep(model: RequestsModel, r: RequestModel, who: Person, action: HandlerAction, note: string, target: Body): Outcome {
  if (!maySee(who, r)) return refused(404, ErrorCode.RequestNotFound);
  if (!holds(who, r)) return refused(403, ErrorCode.Forbidden);
  const by = r.holder;
  const rules = model.rules[r.kind];
  switch (action) {
    case 'accept':
      if (!WAITING.includes(r.state)) return NOT_NOW;
      r.state = 'accepted';
      r.events.push(event(model, action, 'handler', by, null, r.state, note));
      return OK;
    case 'reply':
      if (!HANDLING.includes(r.state)) return NOT_NOW;
      r.state = 'in_progress';
      r.events.push(event(model, action, 'handler', by, null, r.state, note));
      return OK;
    case 'refer':
      // Handing it to the body that already holds it is a wrong choice of body, whatever the state.
      if (target === r.holder) return refused(400, ErrorCode.ValidationFailed);
      if (!REFERRABLE.includes(r.state)) return NOT_NOW;
      r.state = 'referred';
      r.lastReferrer = by;
      r.holder = target;
      r.involved.add(target);
      // The receiving body gets a first-response deadline of its own; the resolution target stays.
      r.firstDue = deadline(model.now, rules.firstResponseHours);
      // The model's note is the reason for colleagues; it sends no words to her.
      r.events.push(event(model, action, 'handler', by, target, r.state, null, note));
      return OK;
    case 'return_referral':
      if (r.state !== 'referred' || !r.lastReferrer) return NOT_NOW;
      r.state = 'accepted';
      r.holder = r.lastReferrer;
      r.events.push(event(model, action, 'handler', by, r.holder, r.state, null, note));
      return OK;
    case 'resolve':
      if (!HANDLING.includes(r.state)) return NOT_NOW;
      r.state = 'resolved';
      r.autoCloseAt = new Date(model.now.getTime() + AUTO_CLOSE_MS);
      r.events.push(event(model, action, 'handler', by, null, r.state, note));
      return OK;
  }
}

export interface RatingInput {
  rating: Rating;
  helped: boolean;
  comment: string | null;
}

/** Her own step: nobody else may withdraw or rate her request (to them it does not exist). */
export function womanStep(model: RequestsModel, r: RequestModel, who: Person, action: WomanAction, input: { reason: string } | RatingInput): Outcome {
  if (who !== r.owner) return refused(404, ErrorCode.RequestNotFound);
  if (action === 'withdraw') {
    if (!isOpen(r)) return NOT_NOW;
    r.state = 'withdrawn';
    r.events.push(event(model, action, 'woman', null, null, r.state, (input as { reason: string }).reason));
    return OK;
  }
  const rating = input as RatingInput;
  if (r.state !== 'resolved') return NOT_NOW;
  // 不满意 the first time gives her a second round with fresh deadlines; the second rating is final.
  const again = rating.rating === Rating.Unsatisfied && r.ratings === 0;
  r.ratings += 1;
  r.rating = { ...rating };
  r.state = again ? 'reopened' : 'closed';
  r.autoCloseAt = null;
  if (again) {
    const rules = model.rules[r.kind];
    r.firstDue = deadline(model.now, rules.firstResponseHours);
    r.resolutionDue = deadline(model.now, rules.resolutionHours);
  }
  r.events.push(event(model, action, 'woman', null, null, r.state, rating.comment));
  return OK;
}

/**
 * What the sweeper does at the model's time: an open request past the deadline that counts moves up
 * one level (never above the county) with fresh deadlines; a resolved one she left unrated for a
 * week closes. Returns the requests it changed.
 */
export function sweep(model: RequestsModel): RequestModel[] {
  const changed: RequestModel[] = [];
  const now = model.now.getTime();
  for (const r of model.requests) {
    if (r.state === 'resolved' && r.autoCloseAt && r.autoCloseAt.getTime() <= now) {
      r.state = 'closed';
      r.autoCloseAt = null;
      r.events.push(event(model, 'auto_close', 'system', null, null, r.state, '居民未评价，系统自动结束'));
      changed.push(r);
      model.reached.add('auto-closed');
      continue;
    }
    const due = currentDeadline(r);
    if (!due || due.getTime() > now) continue;
    const up = PARENT[r.holder];
    if (!up) {
      model.reached.add('overdue at the county, not escalated further');
      continue;
    }
    const late = WAITING.includes(r.state) ? '超过首次答复时限' : '超过办结时限';
    const rules = model.rules[r.kind];
    r.state = 'escalated';
    r.holder = up;
    r.involved.add(up);
    r.firstDue = deadline(model.now, rules.firstResponseHours);
    r.resolutionDue = deadline(model.now, rules.resolutionHours);
    r.events.push(event(model, 'escalate', 'system', null, up, r.state, `${late}，转至${BODY_NAME[up]}`));
    model.reached.add(`escalated to the ${up}`);
    changed.push(r);
  }
  return changed;
}

// ---- what each person should read ----

export interface ExpectedSummary {
  id: string;
  state: State;
  federationId: string;
  homeFederationId: string;
  sensitive: boolean;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  overdue: boolean;
}

export function summaryOf(r: RequestModel, now: Date): ExpectedSummary {
  const due = currentDeadline(r);
  const waiting = WAITING.includes(r.state);
  return {
    id: r.id,
    state: r.state,
    federationId: BODY_ID[r.holder],
    homeFederationId: BODY_ID.village,
    sensitive: r.kind === 'sensitive',
    // She is shown the date she will hear back by while she waits, and the resolution target while it is open.
    firstResponseDueAt: waiting ? r.firstDue.toISOString() : null,
    resolutionDueAt: waiting || HANDLING.includes(r.state) ? r.resolutionDue.toISOString() : null,
    overdue: due !== null && due.getTime() <= now.getTime(),
  };
}

/** An inbox puts the most pressing first: the earliest deadline that counts (overdue ones lead), none last. */
export function byDeadline(a: RequestModel, b: RequestModel): number {
  const due = (r: RequestModel) => currentDeadline(r)?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return due(a) - due(b);
}

/** Her own list: newest first. */
export function byNewest(a: RequestModel, b: RequestModel): number {
  return b.createdAt.getTime() - a.createdAt.getTime();
}
