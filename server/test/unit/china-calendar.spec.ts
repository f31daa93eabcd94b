import { dayKindOf, localMomentOf } from '../../src/infra/clock/china-calendar';

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
