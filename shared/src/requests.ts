import type { RegionLevel } from './regions';
import type { ServiceCategoryKey } from './services';

/**
 * The life of a service request, as an explicit state machine: every change of state is one of these
 * actions, allowed only from the states listed, by the kind of actor listed.
 */
export enum RequestState {
  Submitted = 'submitted',
  Accepted = 'accepted',
  InProgress = 'in_progress',
  Referred = 'referred',
  Escalated = 'escalated',
  Resolved = 'resolved',
  Reopened = 'reopened',
  Closed = 'closed',
  Withdrawn = 'withdrawn',
}

export enum RequestAction {
  /** The handling body takes it on: the first response. */
  Accept = 'accept',
  /** A message to her; moves an accepted request into progress. */
  Reply = 'reply',
  /** 转介: hand it to another body, which accepts or returns it. */
  Refer = 'refer',
  /** The receiving body of a referral gives it back, with a reason. */
  ReturnReferral = 'return_referral',
  /** A deadline passed: the parent body takes over (the sweeper does this). */
  Escalate = 'escalate',
  Resolve = 'resolve',
  /** She rates it; 不满意 in the first round reopens it, any other rating closes it. */
  Rate = 'rate',
  /** She no longer wants help. */
  Withdraw = 'withdraw',
  /** Nobody rated it in time: it closes on its own. */
  AutoClose = 'auto_close',
}

export type RequestActorKind = 'woman' | 'handler' | 'system';

export enum Rating {
  Satisfied = 'satisfied',
  Partly = 'partly',
  Unsatisfied = 'unsatisfied',
}

export const RATING_LABELS: Record<Rating, string> = {
  [Rating.Satisfied]: '满意',
  [Rating.Partly]: '基本满意',
  [Rating.Unsatisfied]: '不满意',
};

export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  [RequestState.Submitted]: '已提交，等待受理',
  [RequestState.Accepted]: '已受理',
  [RequestState.InProgress]: '正在办理',
  [RequestState.Referred]: '已转交其他妇联办理',
  [RequestState.Escalated]: '已转上级妇联办理',
  [RequestState.Resolved]: '已办结，请您评价',
  [RequestState.Reopened]: '重新办理中',
  [RequestState.Closed]: '已完成',
  [RequestState.Withdrawn]: '已撤回',
};

/**
 * The same states in the words of the staff who handle them: REQUEST_STATE_LABELS speaks to her
 * (「已办结，请您评价」), these to the chair reading her inbox or following a referral.
 */
export const HANDLER_STATE_LABELS: Record<RequestState, string> = {
  [RequestState.Submitted]: '新求助，等待受理',
  [RequestState.Accepted]: '已受理',
  [RequestState.InProgress]: '正在办理',
  [RequestState.Referred]: '已转介，等待对方受理',
  [RequestState.Escalated]: '已转上级妇联，等待受理',
  [RequestState.Resolved]: '已办结，等她评价',
  [RequestState.Reopened]: '她不满意，重新办理',
  [RequestState.Closed]: '已完成',
  [RequestState.Withdrawn]: '她已撤回',
};

/** States in which a request is still someone's work. */
export const OPEN_STATES: readonly RequestState[] = [
  RequestState.Submitted,
  RequestState.Accepted,
  RequestState.InProgress,
  RequestState.Referred,
  RequestState.Escalated,
  RequestState.Reopened,
];

const OPEN = OPEN_STATES;
/** States that still wait for a first response from the body now holding the request. */
const AWAITING_RESPONSE = [RequestState.Submitted, RequestState.Referred, RequestState.Escalated, RequestState.Reopened];

interface TransitionRule {
  from: readonly RequestState[];
  by: RequestActorKind;
  to: RequestState;
}

const RULES: Record<Exclude<RequestAction, RequestAction.Rate>, TransitionRule> = {
  [RequestAction.Accept]: { from: AWAITING_RESPONSE, by: 'handler', to: RequestState.Accepted },
  [RequestAction.Reply]: { from: [RequestState.Accepted, RequestState.InProgress], by: 'handler', to: RequestState.InProgress },
  [RequestAction.Refer]: {
    from: [RequestState.Submitted, RequestState.Accepted, RequestState.InProgress, RequestState.Escalated, RequestState.Reopened],
    by: 'handler',
    to: RequestState.Referred,
  },
  [RequestAction.ReturnReferral]: { from: [RequestState.Referred], by: 'handler', to: RequestState.Accepted },
  [RequestAction.Escalate]: {
    from: [RequestState.Submitted, RequestState.Accepted, RequestState.InProgress, RequestState.Referred, RequestState.Escalated, RequestState.Reopened],
    by: 'system',
    to: RequestState.Escalated,
  },
  [RequestAction.Resolve]: { from: [RequestState.Accepted, RequestState.InProgress], by: 'handler', to: RequestState.Resolved },
  [RequestAction.Withdraw]: { from: OPEN, by: 'woman', to: RequestState.Withdrawn },
  [RequestAction.AutoClose]: { from: [RequestState.Resolved], by: 'system', to: RequestState.Closed },
};

export interface TransitionContext {
  /** For Rate: her rating. */
  rating?: Rating;
  /** For Rate: how many times she has rated before (0 in the first round). */
  previousRatings?: number;
}

export type TransitionResult =
  | { ok: true; to: RequestState }
  | { ok: false; reason: 'not_from_this_state' | 'not_this_actor' | 'rating_required' };

/** The one rule of the lifecycle: where an action leads from a state, or why it may not happen. */
export function transition(
  from: RequestState,
  action: RequestAction,
  by: RequestActorKind,
  context: TransitionContext = {},
): TransitionResult {
  if (action === RequestAction.Rate) {
    if (by !== 'woman') return { ok: false, reason: 'not_this_actor' };
    if (from !== RequestState.Resolved) return { ok: false, reason: 'not_from_this_state' };
    if (!context.rating) return { ok: false, reason: 'rating_required' };
    const firstRound = (context.previousRatings ?? 0) === 0;
    return { ok: true, to: context.rating === Rating.Unsatisfied && firstRound ? RequestState.Reopened : RequestState.Closed };
  }
  const rule = RULES[action];
  if (rule.by !== by) return { ok: false, reason: 'not_this_actor' };
  if (!rule.from.includes(from)) return { ok: false, reason: 'not_from_this_state' };
  return { ok: true, to: rule.to };
}

/** Actions a handler may offer on a request in this state (for the buttons of the inbox). */
export function handlerActionsFrom(state: RequestState): RequestAction[] {
  return (Object.keys(RULES) as Array<keyof typeof RULES>).filter(
    (action) => RULES[action].by === 'handler' && RULES[action].from.includes(state),
  );
}

export function isOpen(state: RequestState): boolean {
  return OPEN_STATES.includes(state);
}

// ---- the catalogue ----

export type QuestionType = 'text' | 'choice' | 'yes_no' | 'number';

export interface CategoryQuestion {
  key: string;
  label: string;
  type: QuestionType;
  required: boolean;
  options?: string[];
  maxLength?: number;
}

export interface ServiceCategory {
  key: ServiceCategoryKey;
  name: string;
  description: string;
  /** Sensitive requests (domestic violence) are encrypted, audited, and worded discreetly. */
  sensitive: boolean;
  /** Which level of body handles it by default (village unless the category says otherwise). */
  handlingLevel: RegionLevel;
  firstResponseHours: number;
  resolutionHours: number;
  questions: CategoryQuestion[];
}

// ---- requests over the API ----

export type ContactMethod = 'phone' | 'wechat' | 'visit';

export interface RequestContact {
  method: ContactMethod;
  phone?: string;
  /** When it is safe to call her, in her words ("工作日上午"). */
  safeTimes?: string;
}

export type Answers = Record<string, string | number | boolean>;

/**
 * One of her answers as a request shows it: under the question's own label, in the catalogue's
 * order. The value is in words: the option she chose, 是 / 否 for a yes-no question, the number.
 */
export interface AnswerView {
  key: string;
  label: string;
  value: string;
}

/**
 * The longest text each field of a request may hold, in characters: the server refuses more, and the
 * mini-program's inputs stop at the same number, so nobody finds out only after sending.
 */
export const REQUEST_LIMITS = {
  /** What happened and what help she needs. */
  description: 2000,
  /** A text answer to a category's question that sets no maxLength of its own. */
  textAnswer: 200,
  /** A phone number: digits, spaces, + - and brackets. */
  phone: 32,
  /** When it is safe to call her. */
  safeTimes: 60,
  /** A handler's note on accepting, reply, reason for a referral or its return, resolution. */
  handlerNote: 1000,
  /** Why she withdraws it. */
  withdrawReason: 300,
  /** What she adds to her rating. */
  ratingComment: 300,
  /** The name of the woman a chair records a request for (a user's display name holds 40). */
  womanName: 40,
} as const;

export interface SubmitRequestInput {
  categoryKey: ServiceCategoryKey;
  description: string;
  answers: Answers;
  contact: RequestContact;
  /** Her confirmed village or community body. */
  federationId: string;
  /** The site she asked at ("在这里求助"), if any. */
  siteId?: string;
  /** Sensitive categories only: she is in danger now; messages may reach handlers at night. */
  urgent?: boolean;
  /** Sensitive categories: her separate consent to process sensitive personal information (PIPL art. 29). */
  sensitiveConsent?: boolean;
}

export interface RequestEventView {
  at: string;
  action: RequestAction | 'submit';
  actor: RequestActorKind;
  /** The body that acted (never a staff member's name). */
  federationName: string | null;
  /** For referrals and escalations: the body that received it. */
  toFederationName: string | null;
  toState: RequestState;
  /**
   * What was said to her, which everyone who may read the request reads: a reply, the resolution,
   * a note on accepting, the words to her on a referral, why it escalated, her own reason or comment.
   */
  note: string | null;
  /**
   * For colleagues only: why a referral was made or returned. Staff who may see the request read
   * it; in her own views it is always null.
   */
  staffNote: string | null;
}

export interface RequestSummary {
  id: string;
  categoryKey: ServiceCategoryKey;
  categoryName: string;
  sensitive: boolean;
  /** Sensitive and she said she is in danger now. */
  urgent: boolean;
  state: RequestState;
  federationId: string;
  federationName: string;
  /** Her village or community. */
  homeFederationId: string;
  homeFederationName: string;
  createdAt: string;
  /** When the body holding it must first answer, while it waits for an answer. */
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  overdue: boolean;
  onBehalf: boolean;
  /**
   * Who asked, for staff who may see the request: her name (the one a chair recorded, or her own),
   * null when she has none, in her own views, and in lists for a sensitive request (a name beside
   * it would tell an onlooker). Shown as `personLabel(requester, { as: 'requester' })`.
   */
  requester: string | null;
}

export interface RequestDetail extends RequestSummary {
  description: string;
  /** Her answers to the category's questions, in the catalogue's order. */
  answers: AnswerView[];
  contact: RequestContact;
  /**
   * Why the body holding it now holds it: routing's reason, or after a hand-over the latest one
   * (「懿路村妇联转介：…」, a return, an escalation). Her own view never carries a colleague note.
   */
  routingReason: string;
  timeline: RequestEventView[];
  rating: { rating: Rating; helped: boolean; comment: string | null } | null;
}

export interface AcceptRequestInput {
  note?: string;
}

export interface ReplyRequestInput {
  message: string;
}

export interface ReferRequestInput {
  toFederationId: string;
  /** For colleagues: why this body. She never sees it (「给同事的说明（她看不到）」). */
  reason: string;
  /** What she is told about the hand-over, if anything (「对她说的话（她会看到）」). */
  messageToHer?: string;
}

export interface ReturnReferralInput {
  /** For colleagues, like a referral's reason: she sees only that it went back. */
  reason: string;
}

export interface ResolveRequestInput {
  resolution: string;
}

export interface WithdrawRequestInput {
  reason?: string;
}

export interface RateRequestInput {
  rating: Rating;
  /** 受益: did it help her. */
  helped: boolean;
  comment?: string;
}

/** A request a body referred to another (「我转出的」): where it stands now, and when it was sent. */
export interface ReferredOutSummary extends RequestSummary {
  /** When this body last referred it. */
  referredAt: string;
}

/** One body's inbox in numbers, for the button that opens it. */
export interface InboxCount {
  federationId: string;
  federationName: string;
  /** Open requests the body holds. */
  open: number;
  /** Of those, still waiting for the body's first answer (new, referred or escalated to it, reopened). */
  waiting: number;
  /** Of those open, past their deadline now. */
  overdue: number;
}

/** Her inboxes: every body where she answers requests, and the totals across them. */
export interface InboxCounts {
  bodies: InboxCount[];
  waiting: number;
  overdue: number;
}

// ---- requests a chair records for a woman ----

export type OnBehalfSource = 'phone' | 'visit' | 'hotline_12338';

export const ON_BEHALF_SOURCE_LABELS: Record<OnBehalfSource, string> = {
  phone: '电话来访',
  visit: '上门来访',
  hotline_12338: '12338热线转来',
};

export interface SubmitOnBehalfInput extends Omit<SubmitRequestInput, 'federationId' | 'sensitiveConsent'> {
  womanName: string;
  womanPhone?: string;
  source: OnBehalfSource;
  /** She agreed, in person or on the phone, that her information is recorded. */
  consentRecorded: boolean;
}

/** What the chair gets back: the request, and the code the woman rates it with herself. */
export interface OnBehalfCreated {
  request: RequestDetail;
  /** Sixteen digits (rating-code.ts), shown in groups of four with formatRatingCode. */
  ratingCode: string;
}
