import {
  ACTIVITY_LIMITS,
  type ActivityCategory,
  type ActivityDetail,
  type ActivityInput,
} from '@wfh/shared';
import { tooLongProblem } from '../../hooks/useFormCheck';
import type { FormProblem } from '../../utils/requests';
import { shanghaiClock, shanghaiDay, shanghaiInstant } from '../../utils/time';

/** The activity form as she fills it in: days and times as the pickers give them, numbers as typed. */
export interface ActivityDraft {
  title: string;
  category: ActivityCategory | null;
  description: string;
  /** One of the body's sites, or null for an address of its own. */
  siteId: string | null;
  address: string;
  latitude: number | null;
  longitude: number | null;
  startDay: string;
  startTime: string;
  endDay: string;
  endTime: string;
  opensDay: string;
  opensTime: string;
  closesDay: string;
  closesTime: string;
  capacity: string;
  reservedSeats: string;
  relativesAllowed: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A new activity: a week from now, 9:00 to 11:00; sign-up open from today until it starts. */
export function newActivityDraft(now: number = Date.now()): ActivityDraft {
  const day = shanghaiDay(now + 7 * DAY_MS);
  return {
    title: '',
    category: null,
    description: '',
    siteId: null,
    address: '',
    latitude: null,
    longitude: null,
    startDay: day,
    startTime: '09:00',
    endDay: day,
    endTime: '11:00',
    opensDay: shanghaiDay(now),
    opensTime: '08:00',
    closesDay: day,
    closesTime: '09:00',
    capacity: '30',
    reservedSeats: '0',
    relativesAllowed: true,
  };
}

export function draftOf(activity: ActivityDetail): ActivityDraft {
  return {
    title: activity.title,
    category: activity.category,
    description: activity.description,
    siteId: activity.siteId,
    address: activity.siteId === null ? activity.address : '',
    latitude: activity.siteId === null ? activity.latitude : null,
    longitude: activity.siteId === null ? activity.longitude : null,
    startDay: shanghaiDay(activity.startsAt),
    startTime: shanghaiClock(activity.startsAt),
    endDay: shanghaiDay(activity.endsAt),
    endTime: shanghaiClock(activity.endsAt),
    opensDay: shanghaiDay(activity.signupOpensAt),
    opensTime: shanghaiClock(activity.signupOpensAt),
    closesDay: shanghaiDay(activity.signupClosesAt),
    closesTime: shanghaiClock(activity.signupClosesAt),
    capacity: String(activity.capacity),
    reservedSeats: String(activity.reservedSeats),
    relativesAllowed: activity.relativesAllowed,
  };
}

/** A whole number as typed, or NaN. */
function wholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Over its limit, in the words the counter under the field uses; named as the form names it. */
function tooLong(text: string, limit: number, field: string, label: string): FormProblem[] {
  const problem = tooLongProblem(field, label, text, limit);
  return problem === null ? [] : [problem];
}

/** What the server would refuse (ACTIVITY_LIMITS, times in order), found before anything is sent. */
export function activityProblems(draft: ActivityDraft): FormProblem[] {
  const problems: FormProblem[] = [];
  if (draft.title.trim() === '') problems.push({ field: 'title', message: '请填写活动名称' });
  problems.push(...tooLong(draft.title, ACTIVITY_LIMITS.title, 'title', '活动名称'));
  if (draft.category === null) problems.push({ field: 'category', message: '请选择活动类别' });
  problems.push(...tooLong(draft.description, ACTIVITY_LIMITS.description, 'description', '活动内容'));
  if (draft.siteId === null) {
    if (draft.address.trim() === '') problems.push({ field: 'place', message: '请选择活动地点，或填写地址' });
    problems.push(...tooLong(draft.address, ACTIVITY_LIMITS.address, 'place', '活动地点'));
  }

  const startsAt = Date.parse(shanghaiInstant(draft.startDay, draft.startTime));
  const endsAt = Date.parse(shanghaiInstant(draft.endDay, draft.endTime));
  const opensAt = Date.parse(shanghaiInstant(draft.opensDay, draft.opensTime));
  const closesAt = Date.parse(shanghaiInstant(draft.closesDay, draft.closesTime));
  if (endsAt <= startsAt) problems.push({ field: 'endsAt', message: '结束时间要晚于开始时间' });
  if (opensAt >= startsAt) problems.push({ field: 'signupOpensAt', message: '报名要在活动开始之前开始' });
  if (closesAt <= opensAt) problems.push({ field: 'signupClosesAt', message: '报名截止时间要晚于报名开始时间' });

  const capacity = wholeNumber(draft.capacity);
  const reserved = wholeNumber(draft.reservedSeats === '' ? '0' : draft.reservedSeats);
  if (!(capacity >= 1 && capacity <= ACTIVITY_LIMITS.maxCapacity)) {
    problems.push({ field: 'capacity', message: `名额请填1到${ACTIVITY_LIMITS.maxCapacity}之间的整数` });
  }
  if (Number.isNaN(reserved)) problems.push({ field: 'reservedSeats', message: '预留名额请填0或整数' });
  else if (reserved > capacity) problems.push({ field: 'reservedSeats', message: '预留名额不能多于总名额' });
  return problems;
}

/** The draft as the API takes it; only call once activityProblems found nothing. */
export function activityInputOf(draft: ActivityDraft): ActivityInput {
  const place =
    draft.siteId !== null
      ? { siteId: draft.siteId, address: null, latitude: null, longitude: null }
      : { siteId: null, address: draft.address.trim(), latitude: draft.latitude, longitude: draft.longitude };
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    category: draft.category!,
    ...place,
    startsAt: shanghaiInstant(draft.startDay, draft.startTime),
    endsAt: shanghaiInstant(draft.endDay, draft.endTime),
    signupOpensAt: shanghaiInstant(draft.opensDay, draft.opensTime),
    signupClosesAt: shanghaiInstant(draft.closesDay, draft.closesTime),
    capacity: wholeNumber(draft.capacity),
    reservedSeats: draft.reservedSeats.trim() === '' ? 0 : wholeNumber(draft.reservedSeats),
    relativesAllowed: draft.relativesAllowed,
  };
}
