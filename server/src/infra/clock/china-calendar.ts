import './timezone';
import { getDayDetail } from 'chinese-days';
import type { DayKind, LocalMoment } from '@wfh/shared';

/** China keeps one time zone with no daylight saving: Asia/Shanghai is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

const WEEKEND_NAMES = new Set(['Saturday', 'Sunday']);

/** Public holidays and 调休 make-up workdays from `chinese-days`, applied to one calendar date. */
export function dayKindOf(date: string, weekday: number): DayKind {
  const detail = getDayDetail(date);
  const weekend = weekday === 0 || weekday === 6;
  if (detail.work) return weekend ? 'makeup_workday' : 'workday';
  return weekend && WEEKEND_NAMES.has(detail.name) ? 'weekend' : 'holiday';
}

function localDay(instantMs: number): { date: string; weekday: number } {
  const local = new Date(instantMs + SHANGHAI_OFFSET_MS);
  return { date: local.toISOString().slice(0, 10), weekday: local.getUTCDay() };
}

/** The wall-clock moment in Asia/Shanghai that opening-hours rules are decided on. */
export function localMomentOf(instant: Date): LocalMoment {
  const ms = instant.getTime();
  const today = localDay(ms);
  const yesterday = localDay(ms - 24 * 3600 * 1000);
  const local = new Date(ms + SHANGHAI_OFFSET_MS);
  return {
    ...today,
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
    dayKind: dayKindOf(today.date, today.weekday),
    previous: { ...yesterday, dayKind: dayKindOf(yesterday.date, yesterday.weekday) },
  };
}
