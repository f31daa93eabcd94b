import { dateLabel } from './hours';

/**
 * Times come from the API in UTC and are shown in Asia/Shanghai. China keeps one offset all year
 * (no daylight saving), and the mini-program's JavaScript cannot be trusted to carry Intl time
 * zones on older phones, so the offset is applied by hand.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

interface ShanghaiParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function shanghaiParts(at: string | number): ShanghaiParts {
  const instant = typeof at === 'number' ? at : Date.parse(at);
  const shifted = new Date(instant + SHANGHAI_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const twoDigits = (value: number) => (value < 10 ? `0${value}` : String(value));

/** "5月6日", with the year in front when it is not this year: "2024年12月30日". */
export function formatDate(at: string, now: number = Date.now()): string {
  const { year, month, day } = shanghaiParts(at);
  const monthDay = `${month}月${day}日`;
  return year === shanghaiParts(now).year ? monthDay : `${year}年${monthDay}`;
}

/** "5月6日 09:30" */
export function formatDateTime(at: string, now: number = Date.now()): string {
  const { hour, minute } = shanghaiParts(at);
  return `${formatDate(at, now)} ${twoDigits(hour)}:${twoDigits(minute)}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long ago, as people say it: "刚刚", "5分钟前", "2小时前", "3天前"; from a week on, the date
 * ("5月6日"). A time a little ahead (a phone's clock behind the server's) is "刚刚".
 */
export function timeAgo(at: string, now: number = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(at)) / 60_000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes}分钟前`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)}小时前`;
  const days = Math.floor(minutes / (24 * 60));
  return days < 7 ? `${days}天前` : formatDate(at, now);
}

/** The day in Asia/Shanghai as a date picker shows it: "2026-05-06". */
export function shanghaiDay(at: string | number = Date.now()): string {
  const { year, month, day } = shanghaiParts(at);
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** The first instant of a picked day ("2026-05-06") in Asia/Shanghai, as an ISO string. */
export function startOfShanghaiDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
}

/** The end of a picked day in Asia/Shanghai: the first instant of the next day, as an ISO string. */
export function endOfShanghaiDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + DAY_MS).toISOString();
}

/** The last day a time span ending at `until` (exclusive) covers: "2026-05-06". */
export function lastShanghaiDay(until: string): string {
  return shanghaiDay(Date.parse(until) - 1);
}

/** The time of day a picker shows and takes: "09:30", in Asia/Shanghai. */
export function shanghaiClock(at: string | number): string {
  const { hour, minute } = shanghaiParts(at);
  return `${twoDigits(hour)}:${twoDigits(minute)}`;
}

/** A day and a time of day picked in Asia/Shanghai ("2026-05-06", "09:30") as an ISO instant. */
export function shanghaiInstant(day: string, clock: string): string {
  return new Date(Date.parse(`${day}T${clock}:00+08:00`)).toISOString();
}

/** The time of day as people say it: "上午9:00", "中午12:30", "下午2:30", "晚上7:00". */
export function clockWords(at: string): string {
  const { hour, minute } = shanghaiParts(at);
  const period = hour < 6 ? '凌晨' : hour < 12 ? '上午' : hour < 13 ? '中午' : hour < 18 ? '下午' : '晚上';
  const twelveHour = hour > 12 ? hour - 12 : hour;
  return `${period}${twelveHour}:${twoDigits(minute)}`;
}

/** "12月5日（周六）上午9:00", with the year in front when it is not this year. */
export function formatActivityTime(at: string, now: number = Date.now()): string {
  const year = shanghaiParts(at).year;
  const yearPrefix = year === shanghaiParts(now).year ? '' : `${year}年`;
  return `${yearPrefix}${dateLabel(shanghaiDay(at))}${clockWords(at)}`;
}

/** "12月5日（周六）上午9:00–上午11:30", or both days in full when it runs over more than one. */
export function formatActivitySpan(startsAt: string, endsAt: string, now: number = Date.now()): string {
  const start = formatActivityTime(startsAt, now);
  if (shanghaiDay(startsAt) !== shanghaiDay(endsAt)) return `${start} 至 ${formatActivityTime(endsAt, now)}`;
  return `${start}–${clockWords(endsAt)}`;
}
