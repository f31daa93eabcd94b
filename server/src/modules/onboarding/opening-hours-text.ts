import type { WeeklyOpening } from '@wfh/shared';

/**
 * Opening hours as people write them in a county's spreadsheet ("周一至周五 8:30-17:30", "每周六上午",
 * "工作日上午8:30-11:30 下午2:00-5:30") read into the weekly schedule the sites module keeps and
 * "open now" uses, and written back out in a form this reads again unchanged.
 *
 * The reader is strict: every part of the text must be understood, or nothing is taken and the text
 * is kept as written. Where it has to guess (a bare "上午", a time without 下午, no weekdays) it says
 * what it assumed, so the county can check.
 */
export type HoursReading =
  | { ok: true; hours: WeeklyOpening[]; assumptions: string[] }
  | { ok: false; message: string };

const EXAMPLE = '可以写成“周一至周五 8:30-17:30”或“周六 9:00-11:30”';

/** Default spans of a period written without times ("每周六上午"). */
const PERIOD_SPANS: Record<string, { opens: number; closes: number; words: string }> = {
  am: { opens: 8 * 60 + 30, closes: 11 * 60 + 30, words: '8:30-11:30' },
  noon: { opens: 12 * 60, closes: 13 * 60 + 30, words: '12:00-13:30' },
  pm: { opens: 14 * 60, closes: 17 * 60 + 30, words: '14:00-17:30' },
  evening: { opens: 19 * 60, closes: 21 * 60, words: '19:00-21:00' },
  day: { opens: 8 * 60 + 30, closes: 17 * 60 + 30, words: '8:30-17:30' },
};
const PERIOD_WORDS: Array<[RegExp, keyof typeof PERIOD_SPANS]> = [
  [/^(上午|早上|早晨)$/, 'am'],
  [/^中午$/, 'noon'],
  [/^(下午|午后)$/, 'pm'],
  [/^(晚上|晚间|傍晚|夜间)$/, 'evening'],
  [/^(白天|全天)$/, 'day'],
];
const PERIOD = '上午|早上|早晨|中午|下午|午后|晚上|晚间|傍晚|夜间|白天|全天';

const WORKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const DAY_CHAR = '[一二三四五六日天七1-7]';
const CN_DAY = '[一二三四五六日天七]';
const TIME = '(\\d{1,2})(?:[:.](\\d{2})|点(?:(半)|(\\d{1,2})分?)?|时(?:(\\d{1,2})分?)?)?';
const RANGE_SIGN = '[-~至到—–]';

/** Token patterns, tried in this order at each position. */
const TOKENS = {
  allDay: /(?:7\s*[x×*]\s*)?24\s*小时/y,
  range: new RegExp(`(?:(${PERIOD})\\s*)?${TIME}\\s*${RANGE_SIGN}\\s*(?:(${PERIOD})\\s*)?${TIME}`, 'y'),
  days: new RegExp(
    `每?周${DAY_CHAR}(?:\\s*(?:${RANGE_SIGN}|[、,和及与])\\s*(?:周${DAY_CHAR}|${CN_DAY})|\\s+周${DAY_CHAR})*`,
    'y',
  ),
  dayWords: /(?:每个?)?(工作日|周末|双休日|每天|每日|天天|全周|全年|常年|一周七天|全年无休)/y,
  holidaysClosed: /(?:法定)?(?:节假日|节日|假日)(?:除外|休息|不开放|闭馆|不办公|闭门)/y,
  holidays: /(?:法定)?(?:节假日|节日|假日)/y,
  /** "周六休息", "中午休息": the days or the period just named have no hours. */
  closed: /(?:休息|闭馆|不开放|闭门|关门|午休)/y,
  period: new RegExp(`(?:${PERIOD})`, 'y'),
  filler: /(?:开放时间|办公时间|服务时间|工作时间|值班时间|开放|办公|服务|营业|值班|时间|每周|均|为|是|从|起)/y,
  separator: /[\s,;、。:()[\]【】/|]+/y,
};

function dayOf(char: string): number {
  const index = '日一二三四五六'.indexOf(char);
  if (index >= 0) return index;
  if (char === '天' || char === '七' || char === '7') return 0;
  return Number(char);
}

/** Monday first, as a Chinese week reads. */
const mondayFirst = (day: number) => (day === 0 ? 7 : day);

function dayRange(from: number, to: number): number[] {
  const days: number[] = [];
  for (let i = mondayFirst(from); ; i = (i % 7) + 1) {
    days.push(i % 7);
    if (i % 7 === to) return days;
  }
}

/** "周一至周五", "周一、三、五", "周二 周四", "周五至周日" → weekdays (0 = Sunday). */
function readDays(token: string): number[] {
  const days = new Set<number>();
  let previous: number | null = null;
  for (const [, connector, char] of token.replace(/^每/, '').matchAll(new RegExp(`([^一二三四五六日天七1-7]*?)周?(${DAY_CHAR})`, 'g'))) {
    const day = dayOf(char);
    if (previous !== null && new RegExp(RANGE_SIGN).test(connector)) dayRange(previous, day).forEach((d) => days.add(d));
    days.add(day);
    previous = day;
  }
  return [...days];
}

function readDayWords(word: string): number[] {
  if (word === '工作日') return WORKDAYS;
  if (word === '周末' || word === '双休日') return [6, 0];
  return EVERY_DAY;
}

function periodOf(word: string | undefined): keyof typeof PERIOD_SPANS | null {
  if (!word) return null;
  return PERIOD_WORDS.find(([pattern]) => pattern.test(word))?.[1] ?? null;
}

interface Clock {
  minutes: number;
  /** Written with one hour digit and no 上午/下午: may be a 12-hour time ("5:30" for 17:30). */
  bareHour: boolean;
}

function readTime(hour: string, minute: string | undefined, half: string | undefined, pointMinute: string | undefined, hourMinute: string | undefined, period: string | null): Clock | null {
  let h = Number(hour);
  const m = half ? 30 : Number(minute ?? pointMinute ?? hourMinute ?? 0);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return null;
  if ((period === 'pm' || period === 'evening') && h < 12) h += 12;
  if (period === 'noon' && h < 6) h += 12;
  return { minutes: h * 60 + m, bareHour: period === null && hour.length === 1 };
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const loose = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

export function parseOpeningHours(written: string): HoursReading {
  const text = written
    .normalize('NFKC')
    .replace(/星期|礼拜/g, '周')
    .replace(/[～〜]/g, '~')
    .trim();
  if (text === '') return { ok: false, message: `没有写开放时间，${EXAMPLE}` };

  const spans: Array<{ days: number[]; opens: number; closes: number }> = [];
  const assumptions: string[] = [];
  let days: number[] | null = null;
  /** Days given and no time applied to them yet: a second day list joins them ("周二 周四 9:00-11:30"). */
  let daysAwaitTimes = false;
  /** Times written before any day ("8:30-17:30（周一至周五）") wait for the days that follow. */
  let orphanTimes: Array<{ opens: number; closes: number }> = [];
  let period: keyof typeof PERIOD_SPANS | null = null;

  const addSpan = (opens: number, closes: number) => {
    if (days) {
      spans.push({ days, opens, closes });
      daysAwaitTimes = false;
    } else {
      orphanTimes.push({ opens, closes });
    }
  };
  const setDays = (found: number[]) => {
    if (days && daysAwaitTimes) days = [...new Set([...days, ...found])];
    else days = found;
    daysAwaitTimes = true;
    if (orphanTimes.length > 0) {
      for (const t of orphanTimes) spans.push({ days, ...t });
      orphanTimes = [];
      daysAwaitTimes = false;
    }
  };
  /** A period with no times of its own ("每周六上午") stands for its usual span. */
  const closePeriod = () => {
    if (period === null) return;
    const span = PERIOD_SPANS[period];
    assumptions.push(`“${wordOfPeriod(period)}”按 ${span.words} 计算`);
    addSpan(span.opens, span.closes);
    period = null;
  };

  let at = 0;
  while (at < text.length) {
    const match = (pattern: RegExp) => {
      pattern.lastIndex = at;
      const found = pattern.exec(text);
      if (found) at = pattern.lastIndex;
      return found;
    };
    let found: RegExpExecArray | null;
    if ((found = match(TOKENS.separator))) continue;
    if ((found = match(TOKENS.allDay))) {
      period = null;
      // "24小时" alone is a hotline's every day, not a working week.
      if (!days) setDays(EVERY_DAY);
      addSpan(0, 24 * 60);
    } else if ((found = match(TOKENS.range))) {
      const [, p1, h1, m1, half1, pm1, hm1, p2, h2, m2, half2, pm2, hm2] = found;
      const first = periodOf(p1) ?? period;
      const opens = readTime(h1, m1, half1, pm1, hm1, first);
      const closes = readTime(h2, m2, half2, pm2, hm2, periodOf(p2) ?? first);
      period = null;
      if (!opens || !closes) return { ok: false, message: `“${found[0]}”不是有效的时间，${EXAMPLE}` };
      let close = closes.minutes;
      if (close < opens.minutes && closes.bareHour && close + 12 * 60 > opens.minutes && close + 12 * 60 <= 24 * 60) {
        close += 12 * 60;
        assumptions.push(`“${found[0]}”的结束时间按下午 ${loose(close)} 计算`);
      }
      if (close === opens.minutes) return { ok: false, message: `“${found[0]}”的开门和关门时间相同，${EXAMPLE}` };
      addSpan(opens.minutes, close);
    } else if ((found = match(TOKENS.days))) {
      closePeriod();
      setDays(readDays(found[0]));
    } else if ((found = match(TOKENS.dayWords))) {
      closePeriod();
      setDays(readDayWords(found[1]));
    } else if ((found = match(TOKENS.closed))) {
      period = null;
      if (daysAwaitTimes) [days, daysAwaitTimes] = [null, false];
    } else if ((found = match(TOKENS.holidaysClosed))) {
      // Public holidays close a site already ("open now" counts them); nothing to record.
    } else if ((found = match(TOKENS.holidays))) {
      assumptions.push('节假日的开放时间没有记下，“现在开放”按节假日闭门计算');
    } else if ((found = match(TOKENS.period))) {
      closePeriod();
      period = periodOf(found[0]);
    } else if ((found = match(TOKENS.filler))) {
      // Words that say nothing about when: "开放", "办公时间" …
    } else {
      return { ok: false, message: `没能看懂“${written.trim()}”，已按原文保存（“现在开放”不会显示这个阵地），${EXAMPLE}` };
    }
  }
  closePeriod();
  if (orphanTimes.length > 0) {
    assumptions.push('没有写星期几，按周一至周五计算；如果每天都开，请写“每天”');
    for (const t of orphanTimes) spans.push({ days: WORKDAYS, ...t });
  }
  if (days && daysAwaitTimes) {
    assumptions.push(`没有写几点，按 ${PERIOD_SPANS.day.words} 计算`);
    spans.push({ days, opens: PERIOD_SPANS.day.opens, closes: PERIOD_SPANS.day.closes });
  }
  if (spans.length === 0) return { ok: false, message: `没能看懂“${written.trim()}”，已按原文保存（“现在开放”不会显示这个阵地），${EXAMPLE}` };
  return { ok: true, hours: canonicalHours(spans.flatMap((s) => s.days.map((weekday) => ({ weekday, opens: hhmm(s.opens), closes: hhmm(s.closes) })))), assumptions };
}

const PERIOD_NAMES: Record<keyof typeof PERIOD_SPANS, string> = { am: '上午', noon: '中午', pm: '下午', evening: '晚上', day: '全天' };
const wordOfPeriod = (period: keyof typeof PERIOD_SPANS) => PERIOD_NAMES[period];

/** One order and no repeats, so that two schedules that mean the same compare equal. */
export function canonicalHours(hours: readonly WeeklyOpening[]): WeeklyOpening[] {
  const seen = new Map<string, WeeklyOpening>();
  for (const h of hours) seen.set(`${h.weekday} ${h.opens} ${h.closes}`, { weekday: h.weekday, opens: h.opens, closes: h.closes });
  return [...seen.values()].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens) || a.closes.localeCompare(b.closes));
}

export function sameHours(a: readonly WeeklyOpening[], b: readonly WeeklyOpening[]): boolean {
  const x = canonicalHours(a);
  const y = canonicalHours(b);
  return x.length === y.length && x.every((h, i) => h.weekday === y[i].weekday && h.opens === y[i].opens && h.closes === y[i].closes);
}

const DAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function writeDays(days: number[]): string {
  if (days.length === 7) return '每天';
  const order = [...days].sort((a, b) => mondayFirst(a) - mondayFirst(b));
  const runs: number[][] = [];
  for (const day of order) {
    const run = runs.at(-1);
    if (run && mondayFirst(day) === mondayFirst(run.at(-1)!) + 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .flatMap((run) => (run.length >= 3 ? [`${DAY_NAMES[run[0]]}至${DAY_NAMES[run.at(-1)!]}`] : run.map((d) => DAY_NAMES[d])))
    .join('、');
}

/** "周一至周五 08:30-11:30、14:00-17:30；周六 09:00-11:30": days with the same hours share a line. */
export function formatOpeningHours(hours: readonly WeeklyOpening[]): string {
  const byDay = new Map<number, string>();
  for (const h of canonicalHours(hours)) {
    const spans = byDay.get(h.weekday);
    byDay.set(h.weekday, spans ? `${spans}、${h.opens}-${h.closes}` : `${h.opens}-${h.closes}`);
  }
  const groups = new Map<string, number[]>();
  for (const [day, spans] of [...byDay.entries()].sort(([a], [b]) => mondayFirst(a) - mondayFirst(b))) {
    groups.set(spans, [...(groups.get(spans) ?? []), day]);
  }
  return [...groups.entries()].map(([spans, days]) => `${writeDays(days)} ${spans}`).join('；');
}
