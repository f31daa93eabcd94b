import { STATS_LIMITS, type StatsQuery } from '@wfh/shared';
import { shanghaiDay } from '../../utils/time';

export type RangePreset = 'days30' | 'month' | 'quarter' | 'year';

export const PRESET_LABELS: Record<RangePreset, string> = {
  days30: '近30天',
  month: '本月',
  quarter: '本季度',
  year: '今年',
};

/**
 * What the dashboard opens on: the last 30 days are what a township checks week by week, and on
 * the 2nd of a month they still hold a month of work (本月 would show a day, 今年 most of a year).
 */
export const DEFAULT_PRESET: RangePreset = 'days30';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last 30 days or this month, quarter or year up to today, in Asia/Shanghai. */
export function presetRange(preset: RangePreset, now: number = Date.now()): StatsQuery {
  const today = shanghaiDay(now);
  if (preset === 'days30') {
    return { from: new Date(Date.parse(`${today}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10), to: today };
  }
  const [year, month] = today.split('-').map(Number) as [number, number];
  const firstMonth = preset === 'year' ? 1 : preset === 'quarter' ? Math.floor((month - 1) / 3) * 3 + 1 : month;
  return { from: `${year}-${firstMonth < 10 ? '0' : ''}${firstMonth}-01`, to: today };
}

/** The days a range covers, both ends included. */
function daysIn(range: StatsQuery): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** What is wrong with a range the server would refuse, said before asking it; null when fine. */
export function rangeProblem(range: StatsQuery): string | null {
  if (range.to < range.from) return '结束日期不能早于开始日期，请重新选择';
  if (daysIn(range) > STATS_LIMITS.maxRangeDays) return '一次最多看一年的数字，请把日期范围缩短一些';
  return null;
}
