import fc from 'fast-check';
import type { WeeklyOpening } from '@wfh/shared';
import { canonicalHours, formatOpeningHours, parseOpeningHours } from '../../src/modules/onboarding/opening-hours-text';

const week = (days: number[], opens: string, closes: string): WeeklyOpening[] => days.map((weekday) => ({ weekday, opens, closes }));
const WORKDAYS = [1, 2, 3, 4, 5];

function read(text: string) {
  const reading = parseOpeningHours(text);
  if (!reading.ok) throw new Error(`not read: ${text}: ${reading.message}`);
  return reading;
}

describe('opening hours as counties write them', () => {
  it.each<[string, WeeklyOpening[]]>([
    ['周一至周五 8:30-17:30', week(WORKDAYS, '08:30', '17:30')],
    ['周一到周五 8:30—17:30', week(WORKDAYS, '08:30', '17:30')],
    ['星期一至星期五 9:00～17:00', week(WORKDAYS, '09:00', '17:00')],
    ['周一至五 9点-17点', week(WORKDAYS, '09:00', '17:00')],
    ['工作日 8:30-11:30 13:30-17:00', [...week(WORKDAYS, '08:30', '11:30'), ...week(WORKDAYS, '13:30', '17:00')]],
    ['周一至周五上午8:30-11:30，下午2:00-5:30', [...week(WORKDAYS, '08:30', '11:30'), ...week(WORKDAYS, '14:00', '17:30')]],
    ['周一、三、五 14:00-17:00', week([1, 3, 5], '14:00', '17:00')],
    ['周二 周四 9:00-11:30', week([2, 4], '09:00', '11:30')],
    ['周六、日 9点半到11点', week([6, 0], '09:30', '11:00')],
    ['周末 9:00-16:00', week([6, 0], '09:00', '16:00')],
    ['每天 8:00-20:00', week([0, 1, 2, 3, 4, 5, 6], '08:00', '20:00')],
    ['24小时', week([0, 1, 2, 3, 4, 5, 6], '00:00', '24:00')],
    ['周五至周日 10:00-18:00', week([5, 6, 0], '10:00', '18:00')],
    ['周一至周五 8:30-17:30（法定节假日除外）', week(WORKDAYS, '08:30', '17:30')],
    ['开放时间：周一至周五 8:30-17:30，周六、周日休息', week(WORKDAYS, '08:30', '17:30')],
    ['8:30-17:30（周一至周五）', week(WORKDAYS, '08:30', '17:30')],
    ['周一至周五 8:30-12:00；周六 9:00-11:30', [...week(WORKDAYS, '08:30', '12:00'), ...week([6], '09:00', '11:30')]],
    ['每天 20:00-02:00', week([0, 1, 2, 3, 4, 5, 6], '20:00', '02:00')],
  ])('%s', (text, expected) => {
    expect(read(text).hours).toEqual(canonicalHours(expected));
  });

  it('takes a bare 上午 or 下午 as its usual hours, and says so', () => {
    const saturday = read('每周六上午');
    expect(saturday.hours).toEqual(week([6], '08:30', '11:30'));
    expect(saturday.assumptions.join()).toContain('“上午”按 8:30-11:30 计算');
    expect(read('周三下午').hours).toEqual(week([3], '14:00', '17:30'));
  });

  it('reads "8:30-5:30" as closing at 17:30, and says so', () => {
    const reading = read('周一至周五 8:30-5:30');
    expect(reading.hours).toEqual(week(WORKDAYS, '08:30', '17:30'));
    expect(reading.assumptions.join()).toContain('17:30');
  });

  it('assumes workdays, not every day, when no weekday is written: a closed door is worse than a missed hour', () => {
    const reading = read('8:30-17:00');
    expect(reading.hours).toEqual(week(WORKDAYS, '08:30', '17:00'));
    expect(reading.assumptions.join()).toContain('按周一至周五计算');
  });

  it.each(['电话预约', '农忙时节不定期开放', '周一至周五 8:30-8:30', '25:00-26:00', ''])('does not guess at "%s"', (text) => {
    const reading = parseOpeningHours(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('writes hours back in a form it reads again unchanged', () => {
    expect(formatOpeningHours([...week(WORKDAYS, '08:30', '11:30'), ...week(WORKDAYS, '14:00', '17:30'), ...week([6], '09:00', '11:30')])).toBe(
      '周一至周五 08:30-11:30、14:00-17:30；周六 09:00-11:30',
    );
    expect(formatOpeningHours(week([1, 3, 5, 6, 0], '09:00', '12:00'))).toBe('周一、周三、周五至周日 09:00-12:00');
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => h * 60 + m);
    const span = fc.tuple(fc.integer({ min: 0, max: 6 }), time, time).filter(([, a, b]) => a !== b && !(b < a && b >= 12 * 60));
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    fc.assert(
      fc.property(fc.array(span, { minLength: 1, maxLength: 12 }), (spans) => {
        const hours = canonicalHours(spans.map(([weekday, a, b]) => ({ weekday, opens: hhmm(a), closes: hhmm(b) })));
        expect(read(formatOpeningHours(hours)).hours).toEqual(hours);
      }),
    );
  });
});
