import type { Rate, StatsQuery } from '@wfh/shared';
import { formatDate, startOfShanghaiDay } from './time';

/**
 * Numbers of the township and county views and of 工作公开, in the words people use. Times come
 * from the server in working minutes (docs/metrics.md), so they are said in working hours and days.
 */

/**
 * A working day at the server's default office hours (08:30–12:00 and 13:30–17:30). The contract
 * does not carry the configured hours; a county that changes them sees days of its own length.
 */
export const WORKING_DAY_MINUTES = 450;

export const NO_DATA = '暂无';

/** 2.5 → "2.5", 2 → "2": halves, the precision a median of working time deserves. */
function halves(value: number): { text: string; exact: boolean; rounded: number } {
  const rounded = Math.round(value * 2) / 2;
  return { text: String(rounded), exact: rounded === value, rounded };
}

/** "约40个工作分钟", "约2.5个工作小时", "1个工作日"; null is "暂无". */
export function workingTimeWords(minutes: number | null): string {
  if (minutes === null) return NO_DATA;
  if (minutes < 1) return '不到1个工作分钟';
  const whole = Math.round(minutes);
  if (whole < 60) {
    return `${whole === minutes ? '' : '约'}${whole}个工作分钟`;
  }
  // Below a working day in hours, from then on in days; a value that rounds up to the next unit
  // is said in that unit ("约1个工作日", never "约7.5个工作小时").
  const hours = halves(minutes / 60);
  if (minutes < WORKING_DAY_MINUTES && hours.rounded * 60 < WORKING_DAY_MINUTES) {
    return `${hours.exact ? '' : '约'}${hours.text}个工作小时`;
  }
  const days = halves(minutes / WORKING_DAY_MINUTES);
  return `${days.exact ? '' : '约'}${days.text}个工作日`;
}

/**
 * "85%", "暂无". Never "100%" for a share that is not all of them, nor "0%" for one that is not
 * none: a 99.6% on-time rate still has a late answer in it.
 */
export function percentWords(rate: Rate): string {
  if (rate === null) return NO_DATA;
  const percent = Math.round(rate * 100);
  if (percent === 100 && rate < 1) return '99%';
  if (percent === 0 && rate > 0) return '不到1%';
  return `${percent}%`;
}

/** "1月1日至5月6日", with the year where it is not this year. */
export function rangeWords(range: StatsQuery, now: number = Date.now()): string {
  const day = (date: string) => formatDate(startOfShanghaiDay(date), now);
  return `${day(range.from)}至${day(range.to)}`;
}
