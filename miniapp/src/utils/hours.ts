import { minutesOf, type OpeningException, type WeeklyOpening } from '@wfh/shared';

export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** The week as people here read it, Monday first. */
const WEEK_FROM_MONDAY = [1, 2, 3, 4, 5, 6, 0];

export interface DayHours {
  weekday: number;
  /** 周一 … 周日 */
  label: string;
  /** "08:30–11:30、13:30–17:00", or 休息 */
  text: string;
  closed: boolean;
}

export interface ExceptionHours {
  date: string;
  /** "5月1日（周五）" */
  label: string;
  text: string;
  closed: boolean;
}

/** A span that closes at or before it opens runs past midnight (a hotline 20:00–次日02:00). */
function spanText(opens: string, closes: string): string {
  const overnight = minutesOf(closes) < minutesOf(opens);
  return `${opens}–${overnight ? '次日' : ''}${closes}`;
}

export function weeklyHours(schedule: readonly WeeklyOpening[]): DayHours[] {
  return WEEK_FROM_MONDAY.map((weekday) => {
    const spans = schedule
      .filter((opening) => opening.weekday === weekday)
      .sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
    return {
      weekday,
      label: WEEKDAY_NAMES[weekday],
      text: spans.length > 0 ? spans.map((s) => spanText(s.opens, s.closes)).join('、') : '休息',
      closed: spans.length === 0,
    };
  });
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today's date (YYYY-MM-DD) in Asia/Shanghai, whatever the phone's own time zone. */
export function shanghaiToday(now: number = Date.now()): string {
  return new Date(now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** "5月1日（周五）" for "2026-05-01". */
export function dateLabel(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${month}月${day}日（${WEEKDAY_NAMES[weekday]}）`;
}

/** Changes to the usual week from today on, soonest first; past ones no longer matter to her. */
export function upcomingExceptions(exceptions: readonly OpeningException[], today: string): ExceptionHours[] {
  return exceptions
    .filter((exception) => exception.date >= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((exception) => {
      const closed = exception.closed || !exception.opens || !exception.closes;
      return {
        date: exception.date,
        label: dateLabel(exception.date),
        text: closed ? '休息' : `只在 ${spanText(exception.opens!, exception.closes!)} 开放`,
        closed,
      };
    });
}

/** 每天, 周一至周五, 周一、周二, 周一、周三: a run of three or more days is said from its first to its last. */
function daysInWords(days: readonly DayHours[]): string {
  if (days.length === WEEK_FROM_MONDAY.length) return '每天';
  const positions = days.map((day) => WEEK_FROM_MONDAY.indexOf(day.weekday));
  const runs: DayHours[][] = [];
  days.forEach((day, i) => {
    if (i > 0 && positions[i] === positions[i - 1] + 1) runs[runs.length - 1].push(day);
    else runs.push([day]);
  });
  return runs
    .map((run) => (run.length >= 3 ? `${run[0].label}至${run[run.length - 1].label}` : run.map((day) => day.label).join('、')))
    .join('、');
}

/**
 * The usual week in one line, days with the same hours together: "周一至周五 08:30–17:00；周六
 * 09:00–11:30". null when the place keeps no regular hours.
 */
export function weekInWords(schedule: readonly WeeklyOpening[]): string | null {
  const groups = new Map<string, DayHours[]>();
  for (const day of weeklyHours(schedule)) {
    if (!day.closed) groups.set(day.text, [...(groups.get(day.text) ?? []), day]);
  }
  if (groups.size === 0) return null;
  return [...groups.entries()].map(([text, days]) => `${daysInWords(days)} ${text}`).join('；');
}
