import type { DayKind } from '@wfh/shared';
import { ChinaCalendar, dayKindOf } from '../../src/infra/clock/china-calendar';
import {
  DEFAULT_OFFICE_HOURS,
  addWorkingHours,
  parseOfficeHours,
  workingMinutesBetween,
  type DayKindOf,
} from '../../src/modules/requests/deadline.policy';

/** A wall-clock moment in Asia/Shanghai ("2026-09-25 16:00", optionally with seconds) as an instant. */
function at(local: string): Date {
  const [date, time] = local.split(' ');
  return new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+08:00`);
}

/** An instant back as Shanghai wall-clock, to the millisecond, so that assertions are exact and readable. */
function local(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600 * 1000).toISOString().replace('T', ' ').replace('Z', '');
}

/** Mondays to Fridays work, plus the holidays given; for years the real calendar does not know yet. */
function weekdaysExcept(holidays: readonly string[]): DayKindOf {
  return (date, weekday) => {
    if (holidays.includes(date)) return 'holiday';
    return weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
  };
}

const add = (from: string, hours: number) => local(addWorkingHours(at(from), hours, DEFAULT_OFFICE_HOURS, dayKindOf));

describe('the 2026 calendar the deadline cases rely on (chinese-days, via dayKindOf)', () => {
  it.each<[date: string, weekday: number, kind: DayKind]>([
    ['2025-12-31', 3, 'workday'],
    ['2026-01-01', 4, 'holiday'],
    ['2026-01-02', 5, 'holiday'],
    ['2026-01-03', 6, 'holiday'],
    ['2026-01-04', 0, 'makeup_workday'],
    ['2026-09-18', 5, 'workday'],
    ['2026-09-19', 6, 'weekend'],
    ['2026-09-20', 0, 'makeup_workday'],
    ['2026-09-24', 4, 'workday'],
    ['2026-09-25', 5, 'holiday'],
    ['2026-09-26', 6, 'holiday'],
    ['2026-09-27', 0, 'holiday'],
    ['2026-09-28', 1, 'workday'],
    ['2026-09-30', 3, 'workday'],
    ['2026-10-01', 4, 'holiday'],
    ['2026-10-07', 3, 'holiday'],
    ['2026-10-08', 4, 'workday'],
    ['2026-10-09', 5, 'workday'],
    ['2026-10-10', 6, 'makeup_workday'],
    ['2026-10-11', 0, 'weekend'],
  ])('%s (weekday %d) is a %s', (date, weekday, kind) => {
    expect(dayKindOf(date, weekday)).toBe(kind);
  });
});

describe('addWorkingHours with the default office hours (08:30–12:00, 13:30–17:30) and the real calendar', () => {
  it.each<[why: string, from: string, hours: number, due: string]>([
    ['filed on Friday 25 September, which is 中秋: counting starts on Monday 28th, 7.5 h that day', '2026-09-25 16:00', 8, '2026-09-29 09:00:00.000'],
    ['filed on the Thursday before 中秋: 1.5 h that day, then Monday', '2026-09-24 16:00', 8, '2026-09-28 16:30:00.000'],
    ['80 h from the eve of National Day: 1–7 October off, Saturday 10th works, Sunday 11th does not', '2026-09-30 16:00', 80, '2026-10-21 12:00:00.000'],
    ['filed on a public holiday', '2026-10-03 10:00', 2, '2026-10-08 10:30:00.000'],
    ['filed at lunch', '2026-09-22 12:30', 1, '2026-09-22 14:30:00.000'],
    ['filed after closing', '2026-09-22 18:00', 1, '2026-09-23 09:30:00.000'],
    ['filed at 07:00', '2026-09-22 07:00', 1, '2026-09-22 09:30:00.000'],
    ['filed just before midnight', '2026-09-21 23:59', 0.5, '2026-09-22 09:00:00.000'],
    ['filed exactly at opening, using the morning up: due at closing, not at the next opening', '2026-09-22 08:30', 3.5, '2026-09-22 12:00:00.000'],
    ['filed exactly at the morning closing', '2026-09-22 12:00', 0.5, '2026-09-22 14:00:00.000'],
    ['filed exactly at the afternoon opening, using the afternoon up', '2026-09-22 13:30', 4, '2026-09-22 17:30:00.000'],
    ['filed exactly at the evening closing', '2026-09-22 17:30', 0.5, '2026-09-23 09:00:00.000'],
    ['half an hour across lunch', '2026-09-22 11:45', 0.5, '2026-09-22 13:45:00.000'],
    ['seconds are kept', '2026-09-22 10:00:30', 0.25, '2026-09-22 10:15:30.000'],
    ['0 h inside a window is that instant', '2026-09-22 10:15', 0, '2026-09-22 10:15:00.000'],
    ['0 h at lunch is the afternoon opening', '2026-09-22 12:00', 0, '2026-09-22 13:30:00.000'],
    ['0 h on Friday evening is the 调休 Sunday morning', '2026-09-18 18:00', 0, '2026-09-20 08:30:00.000'],
    ['filed on an ordinary Saturday before the 调休 Sunday 20 September', '2026-09-19 10:00', 1, '2026-09-20 09:30:00.000'],
    ['Friday 9 October runs into the 调休 Saturday 10th', '2026-10-09 17:00', 1, '2026-10-10 09:00:00.000'],
    ['the 调休 Saturday 10 October runs into Monday, not Sunday', '2026-10-10 17:00', 1, '2026-10-12 09:00:00.000'],
    ['across the year end: 元旦 2026 off, the 调休 Sunday 4 January works', '2025-12-31 16:00', 4, '2026-01-04 11:00:00.000'],
  ])('%s: %s + %d h = %s', (_why, from, hours, due) => {
    expect(add(from, hours)).toBe(due);
  });

  it('asks the calendar once per day spanned, not per minute', () => {
    const calls: string[] = [];
    const counting: DayKindOf = (date, weekday) => {
      calls.push(date);
      return dayKindOf(date, weekday);
    };
    const due = addWorkingHours(at('2026-09-30 16:00'), 80, DEFAULT_OFFICE_HOURS, counting);
    expect(local(due)).toBe('2026-10-21 12:00:00.000');
    expect(calls).toHaveLength(22);
    expect(calls[0]).toBe('2026-09-30');
    expect(calls.at(-1)).toBe('2026-10-21');
  });

  it('is quick for a very large span (1,000 working days)', () => {
    const due = addWorkingHours(at('2026-09-22 08:30'), 7500, DEFAULT_OFFICE_HOURS, weekdaysExcept([]));
    expect(local(due)).toBe('2030-07-22 17:30:00.000');
  });
});

describe('addWorkingHours with other calendars and hours', () => {
  it.each<[why: string, holidays: string[], from: string, hours: number, due: string]>([
    ['across the 2026/2027 year end with 元旦 off', ['2027-01-01'], '2026-12-31 17:00', 1, '2027-01-04 09:00:00.000'],
    ['a long run of days off that is still under the guard', datesBetween('2026-09-22', '2027-06-01'), '2026-09-22 10:00', 1, '2027-06-01 09:30:00.000'],
  ])('%s', (_why, holidays, from, hours, due) => {
    expect(local(addWorkingHours(at(from), hours, DEFAULT_OFFICE_HOURS, weekdaysExcept(holidays)))).toBe(due);
  });

  it.each<[hours: string, from: string, add: number, due: string]>([
    ['09:00-17:00', '2026-09-22 16:00', 2, '2026-09-23 10:00:00.000'],
    ['00:00-24:00', '2026-09-22 10:00', 24, '2026-09-23 10:00:00.000'],
    ['00:00-24:00', '2026-09-18 10:00', 24, '2026-09-20 10:00:00.000'],
    ['08:00-12:00,12:00-13:00', '2026-09-22 11:30', 1, '2026-09-22 12:30:00.000'],
  ])('office hours %s: %s + %d h = %s', (hours, from, amount, due) => {
    expect(local(addWorkingHours(at(from), amount, parseOfficeHours(hours), dayKindOf))).toBe(due);
  });

  it('throws rather than loops when no working day comes within 400 days', () => {
    const never: DayKindOf = () => 'holiday';
    expect(() => addWorkingHours(at('2026-09-22 10:00'), 1, DEFAULT_OFFICE_HOURS, never)).toThrow(
      new Error('No working day within 400 days after 2026-09-22T02:00:00.000Z: is the holiday calendar right?'),
    );
  });

  it.each<[why: string, from: Date, hours: number, message: string]>([
    ['negative hours', at('2026-09-22 10:00'), -1, 'addWorkingHours: hours must be a finite number >= 0, got -1'],
    ['NaN hours', at('2026-09-22 10:00'), Number.NaN, 'addWorkingHours: hours must be a finite number >= 0, got NaN'],
    ['infinite hours', at('2026-09-22 10:00'), Number.POSITIVE_INFINITY, 'addWorkingHours: hours must be a finite number >= 0, got Infinity'],
    ['an invalid date', new Date('not a date'), 1, 'addWorkingHours: from is not a valid date'],
  ])('refuses %s', (_why, from, hours, message) => {
    expect(() => addWorkingHours(from, hours, DEFAULT_OFFICE_HOURS, dayKindOf)).toThrow(new RangeError(message));
  });

  it('refuses office hours that break the rules even when they come from code', () => {
    expect(() => addWorkingHours(at('2026-09-22 10:00'), 1, [], dayKindOf)).toThrow(
      new Error('Office hours are empty: expected windows like "08:30-12:00,13:30-17:30"'),
    );
    expect(() => workingMinutesBetween(at('2026-09-22 10:00'), at('2026-09-22 11:00'), [{ opens: '12:00', closes: '08:30' }], dayKindOf)).toThrow(
      new Error('Office window "12:00-08:30" must open before it closes'),
    );
  });
});

describe('addWorkingHours in a year the library lacks, with the holidays entered', () => {
  // 春节 2027 as a notice might set it: off 6–14 February, Saturday 20th worked.
  const calendar = new ChinaCalendar([
    ...['06', '07', '08', '09', '10', '11', '12', '13', '14'].map((d) => ({ date: `2027-02-${d}`, kind: 'holiday' as const, name: '春节' })),
    { date: '2027-02-20', kind: 'workday', name: '春节调休' },
  ]);
  const withEntries: DayKindOf = (date, weekday) => calendar.dayKindOf(date, weekday);
  const libraryOnly: DayKindOf = (date, weekday) => new ChinaCalendar().dayKindOf(date, weekday);

  it.each<[why: string, from: string, hours: number, library: string, entered: string]>([
    ['the Friday before 春节', '2027-02-05 16:00', 8, '2027-02-08 16:30:00.000', '2027-02-15 16:30:00.000'],
    ['filed during 春节', '2027-02-10 10:00', 8, '2027-02-11 10:30:00.000', '2027-02-16 09:00:00.000'],
    ['into the 调休 Saturday', '2027-02-19 17:00', 1, '2027-02-22 09:00:00.000', '2027-02-20 09:00:00.000'],
  ])('%s: %s + %d h is %s by the library alone, %s with the entries', (_why, from, hours, library, entered) => {
    expect(local(addWorkingHours(at(from), hours, DEFAULT_OFFICE_HOURS, libraryOnly))).toBe(library);
    expect(local(addWorkingHours(at(from), hours, DEFAULT_OFFICE_HOURS, withEntries))).toBe(entered);
  });
});

describe('workingMinutesBetween', () => {
  const between = (from: string, to: string) => workingMinutesBetween(at(from), at(to), DEFAULT_OFFICE_HOURS, dayKindOf);

  it.each<[why: string, from: string, to: string, minutes: number]>([
    ['the same instant', '2026-09-22 10:00', '2026-09-22 10:00', 0],
    ['to before from', '2026-09-22 11:00', '2026-09-22 10:00', 0],
    ['inside one window', '2026-09-22 10:00', '2026-09-22 11:00', 60],
    ['across lunch', '2026-09-22 11:00', '2026-09-22 14:00', 90],
    ['a whole working day', '2026-09-22 00:00', '2026-09-23 00:00', 450],
    ['outside office hours only', '2026-09-22 17:30', '2026-09-23 08:30', 0],
    ['across 中秋', '2026-09-24 16:00', '2026-09-28 16:30', 480],
    ['National Day only', '2026-10-01 00:00', '2026-10-08 00:00', 0],
    ['a weekend with the 调休 Sunday 20 September', '2026-09-19 00:00', '2026-09-21 00:00', 450],
    ['across the year end', '2025-12-31 16:00', '2026-01-04 11:00', 240],
    ['half a minute', '2026-09-22 10:00:00', '2026-09-22 10:00:30', 0.5],
  ])('%s: %s → %s is %d min', (_why, from, to, minutes) => {
    expect(between(from, to)).toBe(minutes);
  });

  const starts = [
    '2026-09-22 10:15',
    '2026-09-22 08:30',
    '2026-09-22 13:30',
    '2026-09-24 16:00',
    '2026-09-30 17:29',
    '2026-10-10 09:00',
    '2025-12-31 16:00',
    '2026-09-22 12:15',
    '2026-09-25 16:00',
    '2026-09-19 10:00',
  ];
  const amounts = [0, 0.5, 1, 3.5, 7.5, 8, 80, 250];
  it.each(starts.flatMap((start) => amounts.map((hours): [string, number] => [start, hours])))(
    'undoes addWorkingHours: from %s, %d h is %d×60 min',
    (start, hours) => {
      const due = addWorkingHours(at(start), hours, DEFAULT_OFFICE_HOURS, dayKindOf);
      expect(workingMinutesBetween(at(start), due, DEFAULT_OFFICE_HOURS, dayKindOf)).toBe(hours * 60);
    },
  );
});

describe('parseOfficeHours', () => {
  it.each<[text: string, windows: Array<[opens: string, closes: string]>]>([
    ['08:30-12:00,13:30-17:30', [['08:30', '12:00'], ['13:30', '17:30']]],
    [' 08:30 - 12:00 , 13:30-17:30 ', [['08:30', '12:00'], ['13:30', '17:30']]],
    ['09:00-17:00', [['09:00', '17:00']]],
    ['00:00-24:00', [['00:00', '24:00']]],
    ['08:00-12:00,12:00-13:00', [['08:00', '12:00'], ['12:00', '13:00']]],
  ])('reads "%s"', (text, windows) => {
    expect(parseOfficeHours(text)).toEqual(windows.map(([opens, closes]) => ({ opens, closes })));
  });

  it('reads the default the same as DEFAULT_OFFICE_HOURS', () => {
    expect(parseOfficeHours('08:30-12:00,13:30-17:30')).toEqual(DEFAULT_OFFICE_HOURS);
    expect(DEFAULT_OFFICE_HOURS).toEqual([
      { opens: '08:30', closes: '12:00' },
      { opens: '13:30', closes: '17:30' },
    ]);
  });

  it.each<[text: string, message: string]>([
    ['', 'Office hours are empty: expected windows like "08:30-12:00,13:30-17:30"'],
    ['   ', 'Office hours are empty: expected windows like "08:30-12:00,13:30-17:30"'],
    ['08:30-12:00,', 'Office hours "08:30-12:00," have an empty window (a stray comma?)'],
    ['08:30', 'Office window "08:30" is not of the form HH:MM-HH:MM (expected e.g. "08:30-12:00,13:30-17:30")'],
    ['08:30-12:00-13:00', 'Office window "08:30-12:00-13:00" is not of the form HH:MM-HH:MM (expected e.g. "08:30-12:00,13:30-17:30")'],
    ['08:30-12:00;13:30-17:30', 'Office window "08:30-12:00;13:30-17:30" is not of the form HH:MM-HH:MM (expected e.g. "08:30-12:00,13:30-17:30")'],
    ['8:30-12:00', 'Office window "8:30-12:00": "8:30" is not a time of day (HH:MM, 00:00 to 24:00)'],
    ['08:30-12:60', 'Office window "08:30-12:60": "12:60" is not a time of day (HH:MM, 00:00 to 24:00)'],
    ['08:30-24:30', 'Office window "08:30-24:30": "24:30" is not a time of day (HH:MM, 00:00 to 24:00)'],
    ['12:00-08:30', 'Office window "12:00-08:30" must open before it closes'],
    ['08:30-08:30', 'Office window "08:30-08:30" must open before it closes'],
    [
      '13:30-17:30,08:30-12:00',
      'Office window "08:30-12:00" starts before the window "13:30-17:30" has closed; windows must be in order and not overlap',
    ],
    [
      '08:30-12:00,11:00-14:00',
      'Office window "11:00-14:00" starts before the window "08:30-12:00" has closed; windows must be in order and not overlap',
    ],
  ])('refuses "%s", naming the bad part', (text, message) => {
    expect(() => parseOfficeHours(text)).toThrow(new Error(message));
  });
});

/** Every date from `first` up to (not including) `end`, for a calendar stub. */
function datesBetween(first: string, end: string): string[] {
  const dates: string[] = [];
  for (let day = new Date(`${first}T00:00:00Z`); day.toISOString().slice(0, 10) < end; day.setUTCDate(day.getUTCDate() + 1)) {
    dates.push(day.toISOString().slice(0, 10));
  }
  return dates;
}
