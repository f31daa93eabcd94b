import type { WeekStats } from '@wfh/shared';
import { workingTimeWords } from '../../utils/stats';

/** One measure over the weeks of the range, as a chart draws it: one point per week, gaps as null. */
export interface WeekSeries {
  /** The x-axis: each week by its Monday, "3/2". */
  categories: string[];
  /** Null where the week has nothing to measure: the chart leaves a gap, never a zero. */
  values: Array<number | null>;
  /** The same in one plain sentence, for whoever cannot read the picture (and for screen readers). */
  words: string;
}

/** "2026-03-02" → "3/2": short enough for a year of weeks under a phone-wide chart. */
function weekLabel(monday: string): string {
  const [, month, day] = monday.split('-').map(Number) as [number, number, number];
  return `${month}/${day}`;
}

/** "3月2日这周" */
function weekWords(monday: string): string {
  const [, month, day] = monday.split('-').map(Number) as [number, number, number];
  return `${month}月${day}日这周`;
}

/** The week holding the largest value; the first of them on a tie. */
function peak(weeks: readonly WeekStats[], value: (week: WeekStats) => number | null): WeekStats | null {
  let best: WeekStats | null = null;
  for (const week of weeks) {
    const v = value(week);
    if (v !== null && (best === null || v > (value(best) ?? -1))) best = week;
  }
  return best;
}

/** Requests received per week; a week without any is a zero bar (nothing came in). */
export function receivedSeries(weeks: readonly WeekStats[]): WeekSeries {
  const total = weeks.reduce((sum, week) => sum + week.received, 0);
  const busiest = peak(weeks, (week) => week.received);
  const withAny = weeks.filter((week) => week.received > 0).length;
  const words =
    total === 0
      ? `这${weeks.length}周没有收到求助。`
      : `这${weeks.length}周共收到求助${total}件，${withAny}周有求助；最多的是${weekWords(busiest!.week)}，${busiest!.received}件。`;
  return { categories: weeks.map((week) => weekLabel(week.week)), values: weeks.map((week) => week.received), words };
}

/**
 * The weekly median of first replies in working hours (one decimal); a week nobody was answered
 * in is a gap in the line, not a fast zero.
 */
export function firstResponseSeries(weeks: readonly WeekStats[]): WeekSeries {
  const values = weeks.map((week) =>
    week.firstResponseMedianMinutes === null ? null : Math.round((week.firstResponseMedianMinutes / 60) * 10) / 10,
  );
  const answered = weeks.filter((week) => week.firstResponseMedianMinutes !== null);
  const slowest = peak(weeks, (week) => week.firstResponseMedianMinutes);
  const words =
    answered.length === 0
      ? '这段时间还没有答复过的求助。'
      : `${answered.length}周有答复；最慢的是${weekWords(slowest!.week)}，一半的求助在${workingTimeWords(slowest!.firstResponseMedianMinutes)}内得到答复。`;
  return { categories: weeks.map((week) => weekLabel(week.week)), values, words };
}
