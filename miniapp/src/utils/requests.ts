import {
  dueWords,
  PHONE_MESSAGE,
  PHONE_PATTERN,
  isOpen,
  REQUEST_LIMITS,
  RequestAction,
  type Answers,
  type CategoryQuestion,
  type RequestContact,
  type RequestEventView,
  type RequestSummary,
  type RoleGrantView,
} from '@wfh/shared';
import { tooLongProblems } from '../hooks/useFormCheck';
import { formatDateTime } from './time';

/** The hotlines a woman in danger is shown, and always told about. */
export const POLICE_NUMBER = '110';
export const WOMENS_HOTLINE = '12338';

/** What the inbox shows of a sensitive request: its category stays in the detail page. */
export const DISCREET_INBOX_TITLE = '一条需要谨慎处理的求助';

/**
 * "预计今天11:52前答复", "预计明天9:00前答复", "预计5月6日前答复" (shared dueWords), "已超过预计答复时间…",
 * or null when nobody owes her a step.
 */
export function herDeadlineLine(request: RequestSummary, now: number = Date.now()): string | null {
  if (!isOpen(request.state)) return null;
  const due = (at: string) => dueWords(new Date(at), new Date(now));
  if (request.firstResponseDueAt !== null) {
    return request.overdue ? '已超过预计答复时间，正在催办' : `预计${due(request.firstResponseDueAt)}前答复`;
  }
  if (request.resolutionDueAt !== null) {
    return request.overdue ? '已超过预计办结时间，正在催办' : `预计${due(request.resolutionDueAt)}前办结`;
  }
  return null;
}

/** The handler's due line, to the minute: "5月6日 09:30前答复". */
export function handlerDeadlineLine(request: RequestSummary, now?: number): string | null {
  if (!isOpen(request.state)) return null;
  const overdue = request.overdue ? '已超时：' : '';
  if (request.firstResponseDueAt !== null) return `${overdue}${formatDateTime(request.firstResponseDueAt, now)}前答复`;
  if (request.resolutionDueAt !== null) return `${overdue}${formatDateTime(request.resolutionDueAt, now)}前办结`;
  return null;
}

const dueOf = (request: RequestSummary) => request.firstResponseDueAt ?? request.resolutionDueAt;

/** Overdue first, then the nearest deadline first, requests without one last. */
export function sortInbox(requests: readonly RequestSummary[]): RequestSummary[] {
  return [...requests].sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    const dueA = dueOf(a);
    const dueB = dueOf(b);
    if (dueA === null || dueB === null) return dueA === dueB ? 0 : dueA === null ? 1 : -1;
    return Date.parse(dueA) - Date.parse(dueB);
  });
}

/**
 * Only someone with a role at the very body holding a request may act on it (the server's rule);
 * bodies above it, and the body that referred it away, follow its progress.
 */
export function holdsRoleAt(roles: readonly RoleGrantView[], federationId: string): boolean {
  return roles.some((grant) => grant.federationId === federationId);
}

export type Viewer = 'woman' | 'handler';

const HER_WORDS: Record<RequestEventView['action'], string> = {
  submit: '提交了求助',
  [RequestAction.Accept]: '受理了您的求助',
  [RequestAction.Reply]: '回复了您',
  [RequestAction.Refer]: '把您的求助转给更合适的妇联办理',
  [RequestAction.ReturnReferral]: '把转来的求助交回原来的妇联办理',
  [RequestAction.Escalate]: '没能按时办理，已转上级妇联办理',
  [RequestAction.Resolve]: '办结了您的求助',
  [RequestAction.Rate]: '评价了办理结果',
  [RequestAction.Withdraw]: '撤回了求助',
  [RequestAction.AutoClose]: '办结后一直没有评价，求助已自动完成',
};

const HANDLER_WORDS: Record<RequestEventView['action'], string> = {
  submit: '提交求助',
  [RequestAction.Accept]: '受理',
  [RequestAction.Reply]: '回复',
  [RequestAction.Refer]: '转介',
  [RequestAction.ReturnReferral]: '退回转介',
  [RequestAction.Escalate]: '超时，转上级妇联',
  [RequestAction.Resolve]: '办结',
  [RequestAction.Rate]: '评价',
  [RequestAction.Withdraw]: '撤回',
  [RequestAction.AutoClose]: '未评价，自动完成',
};

/** Who did it, in the viewer's words: 您 / 求助人, the body's name, or 系统. */
export function eventActor(event: RequestEventView, viewer: Viewer): string {
  if (event.actor === 'woman') return viewer === 'woman' ? '您' : '求助人';
  if (event.actor === 'system') return '系统';
  return event.federationName ?? '妇联';
}

/** Handovers name the body that received the request, when the server says which. */
function handoverWords(action: RequestEventView['action'], to: string, viewer: Viewer): string | null {
  switch (action) {
    case RequestAction.Refer:
      return viewer === 'woman' ? `把您的求助转给${to}办理` : `转给${to}办理`;
    case RequestAction.ReturnReferral:
      return viewer === 'woman' ? `把转来的求助交回${to}办理` : `退回转介，交回${to}办理`;
    case RequestAction.Escalate:
      return viewer === 'woman' ? `没能按时办理，已转给${to}办理` : `超时，转给${to}办理`;
    default:
      return null;
  }
}

/** "懿路村妇联 受理了您的求助"; a chair filing on her behalf "代您提交了求助"; "转给新台子镇妇联办理". */
export function eventText(event: RequestEventView, viewer: Viewer): string {
  const onBehalf = event.action === 'submit' && event.actor === 'handler';
  const handover = event.toFederationName ? handoverWords(event.action, event.toFederationName, viewer) : null;
  const words = handover ?? (viewer === 'woman' ? HER_WORDS[event.action] : HANDLER_WORDS[event.action]);
  const what = onBehalf ? (viewer === 'woman' ? '代您提交了求助' : '代为提交求助') : words;
  return `${eventActor(event, viewer)} ${what}`;
}

/**
 * What was said, as the viewer reads it. Staff see a referral's words to her marked as such, beside
 * the note for colleagues, so nobody takes one for the other.
 */
export function noteText(event: RequestEventView, viewer: Viewer): string {
  const handover = event.action === RequestAction.Refer || event.action === RequestAction.ReturnReferral;
  return viewer === 'handler' && handover ? `对她说的话：${event.note ?? ''}` : (event.note ?? '');
}

export function chronological(events: readonly RequestEventView[]): RequestEventView[] {
  return [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export const CONTACT_METHOD_LABELS: Record<RequestContact['method'], string> = {
  phone: '打电话',
  wechat: '微信联系',
  visit: '上门',
};

/** How to reach her, in one line for the handler. */
export function contactLine(contact: RequestContact): string {
  const how = contact.method === 'phone' && contact.phone ? `打电话 ${contact.phone}` : CONTACT_METHOD_LABELS[contact.method];
  return contact.safeTimes ? `${how}（方便的时间：${contact.safeTimes}）` : how;
}

// ---- the form ----

/** What she typed or tapped, before it becomes Answers: booleans for yes-no, text for the rest. */
export type DraftAnswers = Record<string, string | boolean>;

export interface DraftForm {
  answers: DraftAnswers;
  description: string;
  contact: RequestContact['method'] | null;
  phone: string;
  safeTimes: string;
  hasHome: boolean;
}

export interface FormProblem {
  /** The question key, or description / contact / phone / home. */
  field: string;
  message: string;
}

/** The server's own rule (shared): a mobile, or a landline kept as she wrote it, dash and all. */
export { PHONE_PATTERN } from '@wfh/shared';

const isBlank = (value: string | boolean | undefined) => value === undefined || (typeof value === 'string' && value.trim() === '');

/** Everything she still has to fill in, each in a sentence she can act on; empty when it can be sent. */
export function formProblems(questions: readonly CategoryQuestion[], form: DraftForm): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const question of questions) {
    const value = form.answers[question.key];
    if (isBlank(value)) {
      if (question.required) {
        const verb = question.type === 'choice' || question.type === 'yes_no' ? '请选择' : '请填写';
        problems.push({ field: question.key, message: `${verb}：${question.label}` });
      }
      continue;
    }
    const number = Number(String(value).trim());
    if (question.type === 'number' && (!Number.isFinite(number) || number < 0)) {
      problems.push({ field: question.key, message: `“${question.label}”请填一个数字` });
    }
  }
  if (form.description.trim() === '') {
    problems.push({ field: 'description', message: '请简单写一写您遇到的事情' });
  }
  if (form.contact === null) {
    problems.push({ field: 'contact', message: '请选择怎么联系您' });
  } else if (form.contact === 'phone') {
    const phone = form.phone.trim();
    if (phone === '') problems.push({ field: 'phone', message: '请填写您的电话号码' });
    else if (!PHONE_PATTERN.test(phone)) problems.push({ field: 'phone', message: PHONE_MESSAGE });
  }
  const tooLong = tooLongProblems([
    ['description', '求助内容', form.description, REQUEST_LIMITS.description],
    ['safeTimes', '方便联系的时间', form.safeTimes, REQUEST_LIMITS.safeTimes],
    ...questions
      .filter((question) => question.type === 'text' && typeof form.answers[question.key] === 'string')
      .map((question) => [question.key, question.label, form.answers[question.key] as string, question.maxLength ?? REQUEST_LIMITS.textAnswer] as const),
  ]);
  for (const problem of tooLong) if (!problems.some((known) => known.field === problem.field)) problems.push(problem);
  if (!form.hasHome) problems.push({ field: 'home', message: '请先选择您所在的村（社区）' });
  return problems;
}

/** The answers in the types the API expects: numbers as numbers, blanks left out. */
export function answersOf(questions: readonly CategoryQuestion[], draft: DraftAnswers): Answers {
  const answers: Answers = {};
  for (const question of questions) {
    const value = draft[question.key];
    if (isBlank(value)) continue;
    answers[question.key] = question.type === 'number' ? Number(String(value).trim()) : typeof value === 'string' ? value.trim() : value;
  }
  return answers;
}
