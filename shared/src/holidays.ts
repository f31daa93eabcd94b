import type { FieldError } from './errors';

/**
 * The holiday calendar the deadline clock counts working time on. The server ships a library that
 * knows the State Council's arrangement up to some year; a county admin enters a year it lacks
 * (its public holidays and 调休 make-up workdays) from the published notice. Pure rules here, so
 * the form checks exactly what the server checks.
 */

/** A day off (放假), or a weekend day worked instead (调休上班). */
export type HolidayEntryKind = 'holiday' | 'workday';

export const HOLIDAY_KIND_LABELS: Record<HolidayEntryKind, string> = {
  holiday: '放假',
  workday: '调休上班',
};

export interface HolidayEntry {
  /** YYYY-MM-DD, a date in Asia/Shanghai. */
  date: string;
  kind: HolidayEntryKind;
  /** The festival it belongs to, as the notice says: 春节, 国庆节 … */
  name: string;
}

/** Where a year's arrangement comes from: entries win over the library; null is not covered. */
export type HolidaySource = 'library' | 'entered';

export interface HolidayYearCoverage {
  year: number;
  covered: boolean;
  source: HolidaySource | null;
}

/** This year and next, as the server's clock sees them. */
export interface HolidayCoverage {
  years: HolidayYearCoverage[];
  /** The years not covered, for the banner. */
  missing: number[];
}

export interface HolidayYear {
  year: number;
  /** The built-in library knows this year: entries only correct it. */
  libraryKnows: boolean;
  entries: HolidayEntry[];
  /** When and by whom the entries were last saved; null when there are none. */
  enteredAt: string | null;
  enteredByName: string | null;
}

export interface SetHolidayYearInput {
  entries: HolidayEntry[];
}

export const HOLIDAY_LIMITS = {
  nameMaxLength: 20,
  /** Every day of a leap year: more is a mistake. */
  maxEntries: 366,
} as const;

/** The banner on the county admin's page, or null when every year is covered. */
export function holidayCoverageWarning(missing: readonly number[]): string | null {
  if (missing.length === 0) return null;
  return `节假日安排缺少${missing.map((year) => `${year}年`).join('、')}，请录入`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 0 = Sunday … 6 = Saturday, or null when the text is not a real calendar date. */
export function weekdayOfDate(date: string): number | null {
  const match = DATE.exec(date);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
  return day.getUTCDay();
}

/** "2月6日" for "2027-02-06": how the notices write dates. */
export function monthDayOf(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/**
 * What is wrong with a year's entries, each named by its field (`entries.3.date`) in words a county
 * admin can act on; empty when they may be saved. An empty list is allowed: it removes the year's
 * entries. The shape (strings, the two kinds) is the caller's to check first.
 */
export function holidayEntriesProblems(year: number, entries: readonly HolidayEntry[]): FieldError[] {
  const problems: FieldError[] = [];
  if (entries.length > HOLIDAY_LIMITS.maxEntries) {
    return [{ field: 'entries', message: `一年最多录入${HOLIDAY_LIMITS.maxEntries}天` }];
  }
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const at = `entries.${i}`;
    const weekday = weekdayOfDate(entry.date);
    // Named by its date where it has one: the form shows days, not the list's order.
    const which = weekday === null ? `第${i + 1}条` : monthDayOf(entry.date);
    if (weekday === null) {
      problems.push({ field: `${at}.date`, message: `第${i + 1}条的日期“${entry.date}”不是有效的日期，请按2027-02-06这样填写` });
    } else if (!entry.date.startsWith(`${year}-`)) {
      problems.push({ field: `${at}.date`, message: `${entry.date}不在${year}年，请改为${year}年的日期` });
    } else if (seen.has(entry.date)) {
      problems.push({ field: `${at}.date`, message: `${which}录入了两次，请删去一条` });
    } else if (entry.kind === 'workday' && weekday !== 0 && weekday !== 6) {
      problems.push({ field: `${at}.kind`, message: `${which}是${WEEKDAY_NAMES[weekday]}，本来就上班；调休上班日应是周六或周日，请检查` });
    }
    if (weekday !== null && !seen.has(entry.date)) seen.add(entry.date);
    const name = entry.name.trim();
    if (name.length === 0) problems.push({ field: `${at}.name`, message: `请填写${which}是哪个节日，例如“春节”` });
    else if (name.length > HOLIDAY_LIMITS.nameMaxLength) {
      problems.push({ field: `${at}.name`, message: `${which}的节日名称太长了，请不超过${HOLIDAY_LIMITS.nameMaxLength}个字` });
    }
  });
  return problems;
}
