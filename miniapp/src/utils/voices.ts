import {
  CONCERN_LIMITS,
  CONCERN_STATUS_LABELS,
  COSIGNABLE_CONCERN_STATUSES,
  PHONE_PATTERN,
  ROSTER_LIMITS,
  type Actor,
  type CareTag,
  type ConcernStatus,
  type ConcernUpdateView,
  type MeResponse,
  type RosterEntryView,
} from '@wfh/shared';
import { tooLongProblems } from '../hooks/useFormCheck';
import type { FormProblem } from './requests';
import { formatDate, startOfShanghaiDay } from './time';

/** Who she is to the access rule `can()`, the same rule the server applies. */
export const actorOf = (me: MeResponse): Actor => ({ userId: me.user.id, grants: me.roles });

/** Still gathering co-signatures: published, adopted or being worked on. */
export const isOpenConcern = (status: ConcernStatus) => COSIGNABLE_CONCERN_STATUSES.includes(status);

export const cosignLine = (count: number) => (count === 0 ? '还没有人联名' : `${count}人联名支持`);

/** "5月6日 已采纳" */
export const updateHeadline = (update: ConcernUpdateView, now?: number) =>
  `${formatDate(update.at, now)} ${CONCERN_STATUS_LABELS[update.status]}`;

/** A local date as the API sends it ("2026-05-06") in words: "5月6日", with the year when not this one. */
export const dayWords = (date: string, now?: number) => formatDate(startOfShanghaiDay(date), now);

export const lastContactLine = (entry: RosterEntryView, now?: number) =>
  entry.lastContactDate === null ? '还没有联系记录' : `上次联系：${dayWords(entry.lastContactDate, now)}`;

/** The name of a body she holds a role at, as her roles carry it. */
export const bodyNameOf = (me: MeResponse, federationId: string) =>
  me.roles.find((grant) => grant.federationId === federationId)?.federationName ?? '';

/** Whoever is due a visit or a call comes first; otherwise the server's order. */
export function sortRoster(entries: readonly RosterEntryView[]): RosterEntryView[] {
  return [...entries].sort((a, b) => Number(b.careDue) - Number(a.careDue));
}

export function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((other) => other !== item) : [...list, item];
}

// ---- forms ----

export interface ConcernDraft {
  title: string;
  description: string;
}

export function concernProblems({ title, description }: ConcernDraft): FormProblem[] {
  const problems: FormProblem[] = [];
  if (title.trim() === '') problems.push({ field: 'title', message: '请用一句话写出是什么事' });
  if (description.trim() === '') problems.push({ field: 'description', message: '请写一写具体情况，大家才好商量' });
  problems.push(
    ...tooLongProblems([
      ['title', '标题', title, CONCERN_LIMITS.title],
      ['description', '具体情况', description, CONCERN_LIMITS.description],
    ]),
  );
  return problems;
}

/** "每几周提醒" as typed: a whole number of weeks the server accepts, or null. */
export function careWeeksOf(typed: string): number | null {
  const text = typed.trim();
  if (!/^\d+$/.test(text)) return null;
  const weeks = Number(text);
  return weeks >= ROSTER_LIMITS.minCareWeeks && weeks <= ROSTER_LIMITS.maxCareWeeks ? weeks : null;
}

export const CARE_WEEKS_PROBLEM = `提醒间隔请填${ROSTER_LIMITS.minCareWeeks}到${ROSTER_LIMITS.maxCareWeeks}之间的整数周`;

export interface RosterDraft {
  name: string;
  phone: string;
  tags: CareTag[];
  weeks: string;
  consent: boolean;
}

/** Everything still missing before she may be put on the roster; her consent first of all. */
export function rosterProblems(draft: RosterDraft): FormProblem[] {
  const problems: FormProblem[] = [];
  if (draft.name.trim() === '') problems.push({ field: 'name', message: '请填写她的姓名' });
  else problems.push(...tooLongProblems([['name', '姓名', draft.name, ROSTER_LIMITS.name]]));
  const phone = draft.phone.trim();
  if (phone === '') problems.push({ field: 'phone', message: '请填写她的电话' });
  else if (!PHONE_PATTERN.test(phone)) problems.push({ field: 'phone', message: '电话号码好像不对，请再看一看' });
  if (careWeeksOf(draft.weeks) === null) problems.push({ field: 'weeks', message: CARE_WEEKS_PROBLEM });
  if (!draft.consent) problems.push({ field: 'consent', message: '请先征得她本人同意，再把她加入联系名单' });
  return problems;
}
