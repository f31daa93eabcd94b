import { ACTIVITY_LIMITS, ACTIVITY_STATUS_LABELS, PHONE_MESSAGE, PHONE_PATTERN, type ActivityStatus, type ActivitySummary, type SignupView } from '@wfh/shared';
import { tooLongProblems } from '../hooks/useFormCheck';
import type { FormProblem } from './requests';
import { formatActivityTime } from './time';

/** A list fetched a while ago (kept for offline) may hold an activity that has ended since. */
export function statusNow(activity: Pick<ActivitySummary, 'status' | 'endsAt'>, now: number = Date.now()): ActivityStatus {
  return activity.status === 'published' && now >= Date.parse(activity.endsAt) ? 'finished' : activity.status;
}

/** Checking in stays open a while after the end for late arrivals; the server says when it closes. */
export function checksIn(status: ActivityStatus): boolean {
  return status === 'published' || status === 'finished';
}

/**
 * The line under an activity that is not simply open for sign-up: "活动已取消", "报名已截止",
 * "12月1日（周一）上午8:00开始报名"; null when she can sign up now.
 */
export function activityNotice(activity: ActivitySummary, now: number = Date.now()): string | null {
  const status = statusNow(activity, now);
  if (status === 'draft') return '草稿，还没有发布';
  if (status !== 'published') return `活动${ACTIVITY_STATUS_LABELS[status]}`;
  if (activity.signupWindow === 'not_yet') return `${formatActivityTime(activity.signupOpensAt, now)}开始报名`;
  if (activity.signupWindow === 'closed') return '报名已截止';
  return null;
}

/** Where it is held: the site's name, else the address. */
export function placeOf(activity: Pick<ActivitySummary, 'siteName' | 'address'>): string {
  return activity.siteName ?? activity.address;
}

/** What she holds of one activity: everything not cancelled. */
export function heldSignups(signups: readonly SignupView[]): SignupView[] {
  return signups.filter((signup) => signup.state !== 'cancelled');
}

/** "报名成功" / "您是候补第3位" / "已取消", for her own seat or a relative's. */
export function signupResult(signup: SignupView): string {
  if (signup.state === 'waitlisted') {
    const who = signup.kind === 'self' ? '您' : signup.attendeeName;
    return signup.waitlistPosition !== null ? `${who}是候补第${signup.waitlistPosition}位` : `${who}在候补名单上`;
  }
  return signup.state === 'confirmed' ? '报名成功' : '已取消';
}

/** The six digits in two groups, easier to read out: "482 913". */
export function spacedShortCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

export const SHORT_CODE_PATTERN = /^\d{6}$/;

// ---- forms ----

/** A person's name and phone, as a woman gives them for her mother or a chair for a woman she adds. */
export function personProblems(person: { name: string; phone: string }, whose: string): FormProblem[] {
  const problems: FormProblem[] = [];
  const name = person.name.trim();
  const phone = person.phone.trim();
  if (name === '') problems.push({ field: 'name', message: `请填写${whose}的姓名` });
  else problems.push(...tooLongProblems([['name', '姓名', name, ACTIVITY_LIMITS.attendeeName]]));
  if (phone === '') problems.push({ field: 'phone', message: `请填写${whose}的电话` });
  else if (!PHONE_PATTERN.test(phone)) problems.push({ field: 'phone', message: PHONE_MESSAGE });
  return problems;
}
