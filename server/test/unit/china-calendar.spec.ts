import type { DayKind } from '@wfh/shared';
import { ChinaCalendar, dayKindOf, localMomentOf } from '../../src/infra/clock/china-calendar';

describe('localMomentOf (Asia/Shanghai, with holidays and 调休)', () => {
  it.each([
    // [instant UTC, local date, weekday, minutes, day kind]
    ['2026-12-01T01:00:00Z', '2026-12-01', 2, 9 * 60, 'workday'],
    ['2026-12-04T16:30:00Z', '2026-12-05', 6, 30, 'weekend'],
    ['2026-10-01T02:00:00Z', '2026-10-01', 4, 10 * 60, 'holiday'],
    ['2026-10-10T01:00:00Z', '2026-10-10', 6, 9 * 60, 'makeup_workday'],
    ['2026-09-20T01:00:00Z', '2026-09-20', 0, 9 * 60, 'makeup_workday'],
  ])('%s is %s (weekday %d) at minute %d, a %s', (instant, date, weekday, minutes, kind) => {
    const moment = localMomentOf(new Date(instant));
    expect(moment).toMatchObject({ date, weekday, minutes, dayKind: kind });
  });

  it('knows the day before, for hours past midnight', () => {
    const moment = localMomentOf(new Date('2026-10-01T17:00:00Z'));
    expect(moment.date).toBe('2026-10-02');
    expect(moment.previous).toEqual({ date: '2026-10-01', weekday: 4, dayKind: 'holiday' });
  });

  it('a holiday on a weekend counts as a holiday, an ordinary Saturday as a weekend', () => {
    expect(dayKindOf('2026-10-03', 6)).toBe('holiday');
    expect(dayKindOf('2026-12-05', 6)).toBe('weekend');
  });
});

describe('ChinaCalendar with entered holidays', () => {
  // 2027 is past what chinese-days 1.5.7 knows: on its own it calls 春节 ordinary weekdays.
  const entered = new ChinaCalendar([
    { date: '2027-02-08', kind: 'holiday', name: '春节' },
    { date: '2027-02-13', kind: 'holiday', name: '春节' },
    { date: '2027-02-20', kind: 'workday', name: '春节调休' },
    // A correction of a year the library knows: its 国庆 Saturday made an ordinary day off …
    { date: '2026-10-10', kind: 'holiday', name: '国庆节' },
    // … and a library holiday worked after all.
    { date: '2026-10-07', kind: 'workday', name: '国庆节调休' },
  ]);
  const library = new ChinaCalendar();

  it.each<[date: string, weekday: number, alone: DayKind, withEntries: DayKind]>([
    ['2027-02-08', 1, 'workday', 'holiday'],
    ['2027-02-13', 6, 'weekend', 'holiday'],
    ['2027-02-20', 6, 'weekend', 'makeup_workday'],
    ['2027-02-09', 2, 'workday', 'workday'],
    ['2027-02-14', 0, 'weekend', 'weekend'],
    ['2026-10-10', 6, 'makeup_workday', 'holiday'],
    ['2026-10-07', 3, 'holiday', 'workday'],
    ['2026-10-01', 4, 'holiday', 'holiday'],
  ])('%s (weekday %d): the library alone says %s, with entries %s', (date, weekday, alone, withEntries) => {
    expect(library.dayKindOf(date, weekday)).toBe(alone);
    expect(entered.dayKindOf(date, weekday)).toBe(withEntries);
  });

  it('knows which years the library has, and which are covered by entries instead', () => {
    expect([2004, 2025, 2026, 2027, 2028].map((year) => library.libraryKnows(year))).toEqual([true, true, true, false, false]);
    expect([2026, 2027, 2028].map((year) => library.sourceOf(year))).toEqual(['library', null, null]);
    expect([2026, 2027, 2028].map((year) => entered.sourceOf(year))).toEqual(['entered', 'entered', null]);
  });

  it('takes new entries all at once, dropping the old ones', () => {
    const calendar = new ChinaCalendar([{ date: '2027-02-08', kind: 'holiday', name: '春节' }]);
    calendar.useEntries([{ date: '2027-10-01', kind: 'holiday', name: '国庆节' }]);
    expect(calendar.dayKindOf('2027-02-08', 1)).toBe('workday');
    expect(calendar.dayKindOf('2027-10-01', 5)).toBe('holiday');
    calendar.useEntries([]);
    expect(calendar.sourceOf(2027)).toBeNull();
  });

  it('decides opening hours on the entries too', () => {
    expect(entered.localMomentOf(new Date('2027-02-08T02:00:00Z'))).toMatchObject({ date: '2027-02-08', dayKind: 'holiday' });
    expect(entered.localMomentOf(new Date('2027-02-08T17:00:00Z')).previous).toEqual({ date: '2027-02-08', weekday: 1, dayKind: 'holiday' });
  });
});
