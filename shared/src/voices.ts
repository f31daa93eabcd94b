/**
 * Women's voices: concerns (议题) raised about a village or community and co-signed by its women,
 * answered by its women's council (妇女议事会), shown in public as an accountability board; and the
 * private contact rosters of executive members (执委) and women's representatives.
 */

// ---- concerns ----

export type ConcernStatus =
  /** Waiting for the chair: seen only by its author and the body's managers. */
  | 'pending'
  | 'published'
  /** Not taken up, with the reason; seen only by its author and the managers. */
  | 'declined'
  /** A duplicate: points to the concern it was merged into. */
  | 'merged'
  | 'accepted'
  | 'in_progress'
  | 'done'
  | 'not_adopted';

export const CONCERN_STATUS_LABELS: Record<ConcernStatus, string> = {
  pending: '等待审核',
  published: '征集联名中',
  declined: '未采纳发布',
  merged: '已合并',
  accepted: '已采纳',
  in_progress: '正在办理',
  done: '已办成',
  not_adopted: '暂不采纳',
};

/** Statuses the public board shows; the others stay between the author and the chair. */
export const PUBLIC_CONCERN_STATUSES: readonly ConcernStatus[] = ['published', 'merged', 'accepted', 'in_progress', 'done', 'not_adopted'];

/** A concern can gather co-signatures while it is open. */
export const COSIGNABLE_CONCERN_STATUSES: readonly ConcernStatus[] = ['published', 'accepted', 'in_progress'];

/** What the council may answer, with the reason or plan in words. */
export type ConcernOutcome = 'accepted' | 'in_progress' | 'done' | 'not_adopted';

export const CONCERN_LIMITS = {
  title: 40,
  description: 1000,
  photoUrl: 500,
  reason: 300,
  answer: 1000,
  minutes: 5000,
  agendaItems: 20,
} as const;

/**
 * Words that mark a personal case (a husband who hits, a divorce, money owed to her): such a case
 * belongs in 我要求助, where one person handles it in confidence, not on a public board.
 */
const PERSONAL_MARKERS = [
  '打我', '家暴', '家庭暴力', '离婚', '我老公', '我丈夫', '我男人', '我婆婆', '我公公', '我儿子', '我女儿',
  '欠我', '借钱', '抚养费', '赡养费', '彩礼', '打骂', '威胁我', '虐待', '我的孩子', '我家孩子',
];

export function looksPersonal(text: string): boolean {
  const plain = text.replace(/\s+/g, '');
  return PERSONAL_MARKERS.some((marker) => plain.includes(marker));
}

export interface ConcernInput {
  title: string;
  description: string;
  photoUrl?: string | null;
  /** Her name is shown only if she chooses; by default the board says 一位村民. */
  showMyName?: boolean;
  /** She read the hint that personal cases go to 我要求助 and says this one concerns everyone. */
  notPersonal?: boolean;
}

export interface DeclineConcernInput {
  reason: string;
}

export interface MergeConcernInput {
  intoConcernId: string;
}

export interface ConcernUpdateInput {
  status: ConcernOutcome;
  /** The official answer, or the progress since the last one, or why it is not adopted. */
  text: string;
  /** The council meeting (an activity of category council) where it was decided, if any. */
  meetingId?: string | null;
}

export interface ConcernUpdateView {
  id: string;
  status: ConcernOutcome;
  text: string;
  meetingId: string | null;
  meetingTitle: string | null;
  at: string;
}

export interface ConcernSummary {
  id: string;
  federationId: string;
  title: string;
  status: ConcernStatus;
  cosignCount: number;
  /** "一位村民" unless she chose to show her name. */
  authorLabel: string;
  createdAt: string;
  /** The latest answer or progress, in words. */
  latestUpdate: ConcernUpdateView | null;
}

export interface ConcernDetail extends ConcernSummary {
  description: string;
  photoUrl: string | null;
  mergedInto: { id: string; title: string } | null;
  /** Shown to the author and the managers only. */
  declineReason: string | null;
  updates: ConcernUpdateView[];
  isMine: boolean;
  cosignedByMe: boolean;
  /** Whether she may co-sign: a woman of this village or community, not the author, while it is open. */
  canCosign: boolean;
  canModerate: boolean;
}

export interface CouncilMeetingView {
  activityId: string;
  title: string;
  startsAt: string;
  status: 'upcoming' | 'held';
  agenda: { concernId: string; title: string; status: ConcernStatus }[];
  minutes: string | null;
}

export interface CouncilAgendaInput {
  concernIds: string[];
}

export interface CouncilMinutesInput {
  minutes: string;
}

/** 工作公开: what a body's women raised, what the council decided, and how far each thing has got. */
export interface VoicesBoard {
  federationId: string;
  federationName: string;
  concerns: ConcernSummary[];
  meetings: CouncilMeetingView[];
  counts: { raised: number; answered: number; done: number };
}

// ---- contact rosters ----

export enum CareTag {
  Hardship = 'hardship',
  LeftBehind = 'left_behind',
  Disabled = 'disabled',
  SingleMother = 'single_mother',
  Elderly = 'elderly',
  Other = 'other',
}

export const CARE_TAG_LABELS: Record<CareTag, string> = {
  [CareTag.Hardship]: '困难',
  [CareTag.LeftBehind]: '留守',
  [CareTag.Disabled]: '残疾',
  [CareTag.SingleMother]: '单亲',
  [CareTag.Elderly]: '高龄独居',
  [CareTag.Other]: '其他需要关心',
};

export type ContactMethodKind = 'visit' | 'phone' | 'wechat' | 'meeting';

export const CONTACT_METHOD_LABELS: Record<ContactMethodKind, string> = {
  visit: '上门走访',
  phone: '打电话',
  wechat: '微信联系',
  meeting: '活动中见面',
};

export const ROSTER_LIMITS = {
  name: 40,
  note: 500,
  minCareWeeks: 1,
  maxCareWeeks: 26,
  defaultCareWeeks: 4,
} as const;

export interface RosterEntryInput {
  name: string;
  phone: string;
  tags?: CareTag[];
  /** She agreed to be on the roster (asked in person or by phone); recorded with the time. */
  consentRecorded: boolean;
  /** Remind after this many weeks without contact, for women tagged as needing care. */
  careEveryWeeks?: number;
}

export interface RosterEntryUpdate {
  tags?: CareTag[];
  careEveryWeeks?: number;
}

export interface ContactLogInput {
  /** Local date, YYYY-MM-DD. */
  date: string;
  method: ContactMethodKind;
  /** What she needed, in a few words. */
  note?: string;
  /** A request for help was filed for her. */
  requestFiled?: boolean;
}

export interface ContactLogView {
  id: string;
  date: string;
  method: ContactMethodKind;
  note: string | null;
  requestFiled: boolean;
}

export interface RosterEntryView {
  id: string;
  federationId: string;
  memberUserId: string;
  /** The executive member who keeps the entry; null: no name (`personLabel`, as 'member'). */
  memberName: string | null;
  /** The woman; null when she joined by invitation without a name (`personLabel`, as 'resident'). */
  name: string | null;
  /** Masked unless the caller keeps this entry herself. */
  phone: string;
  tags: CareTag[];
  joinedBy: 'invitation' | 'recorded';
  careEveryWeeks: number;
  lastContactDate: string | null;
  /** Tagged as needing care and not contacted within careEveryWeeks. */
  careDue: boolean;
}

export interface RosterEntryDetail extends RosterEntryView {
  contacts: ContactLogView[];
}

export interface RosterInvitationView {
  code: string;
  expiresAt: string;
  /** null: the member has no name; shown as `personLabel(…, { as: 'member' })`. */
  memberName: string | null;
  federationName: string;
}
