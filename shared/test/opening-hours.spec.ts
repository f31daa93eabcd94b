import { isOpenAt, type DayKind, type LocalMoment, type OpeningException } from '../src/opening-hours';
import type { WeeklyOpening } from '../src/sites';

const weekdays = (opens: string, closes: string): WeeklyOpening[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes }));

const OFFICE: WeeklyOpening[] = [...weekdays('08:30', '11:30'), ...weekdays('13:30', '17:00')];
const HOTLINE: WeeklyOpening[] = [5, 6].map((weekday) => ({ weekday, opens: '20:00', closes: '02:00' }));

function at(date: string, weekday: number, time: string, dayKind: DayKind = weekday % 6 === 0 ? 'weekend' : 'workday', previousKind?: DayKind): LocalMoment {
  const [h, m] = time.split(':').map(Number);
  const prevWeekday = (weekday + 6) % 7;
  return {
    date,
    weekday,
    minutes: h * 60 + m,
    dayKind,
    previous: { date: `prev-of-${date}`, weekday: prevWeekday, dayKind: previousKind ?? (prevWeekday % 6 === 0 ? 'weekend' : 'workday') },
  };
}

describe('isOpenAt', () => {
  it.each([
    ['Tuesday morning', OFFICE, at('2026-12-01', 2, '09:00'), true],
    ['Tuesday at the lunch break', OFFICE, at('2026-12-01', 2, '12:00'), false],
    ['opening minute counts', OFFICE, at('2026-12-01', 2, '08:30'), true],
    ['closing minute does not', OFFICE, at('2026-12-01', 2, '17:00'), false],
    ['Saturday', OFFICE, at('2026-12-05', 6, '10:00'), false],
    ['National Day (a Thursday) is a holiday', OFFICE, at('2026-10-01', 4, '10:00', 'holiday'), false],
    ['a 调休 Saturday follows Monday hours', OFFICE, at('2026-10-10', 6, '10:00', 'makeup_workday'), true],
    ['a 调休 Saturday is still closed at lunch', OFFICE, at('2026-10-10', 6, '12:30', 'makeup_workday'), false],
    ['overnight hours: Friday 23:00', HOTLINE, at('2026-12-04', 5, '23:00'), true],
    ['overnight hours: Saturday 01:30 carries over from Friday', HOTLINE, at('2026-12-05', 6, '01:30'), true],
    ['overnight hours: Saturday 02:00 has closed', HOTLINE, at('2026-12-05', 6, '02:00'), false],
    ['overnight hours: Friday 01:00 (Thursday had none)', HOTLINE, at('2026-12-04', 5, '01:00'), false],
    ['overnight hours: Monday 01:00 (Sunday had none)', HOTLINE, at('2026-12-07', 1, '01:00'), false],
  ])('%s', (_, schedule, moment, open) => {
    expect(isOpenAt(schedule, [], moment)).toBe(open);
  });

  it('a closed exception closes a normal workday', () => {
    const exceptions: OpeningException[] = [{ date: '2026-12-01', closed: true }];
    expect(isOpenAt(OFFICE, exceptions, at('2026-12-01', 2, '09:00'))).toBe(false);
    expect(isOpenAt(OFFICE, exceptions, at('2026-12-02', 3, '09:00'))).toBe(true);
  });

  it('an exception with hours opens a holiday, only at those hours', () => {
    const exceptions: OpeningException[] = [{ date: '2026-10-02', closed: false, opens: '09:00', closes: '12:00' }];
    expect(isOpenAt(OFFICE, exceptions, at('2026-10-02', 5, '10:00', 'holiday'))).toBe(true);
    expect(isOpenAt(OFFICE, exceptions, at('2026-10-02', 5, '14:00', 'holiday'))).toBe(false);
  });

  it('overnight hours of a day before a holiday still run past midnight; the holiday opens nothing itself', () => {
    const moment = at('2026-10-01', 4, '01:00', 'holiday', 'workday');
    const wednesdayNight: WeeklyOpening[] = [{ weekday: 3, opens: '22:00', closes: '03:00' }];
    expect(isOpenAt(wednesdayNight, [], moment)).toBe(true);
    expect(isOpenAt([{ weekday: 4, opens: '00:00', closes: '23:59' }], [], moment)).toBe(false);
  });
});
