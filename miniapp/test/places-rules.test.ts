import { distanceMetres } from '@wfh/shared';
import { approximate, wgs84ToGcj02 } from '../src/utils/coords';
import { shanghaiToday, upcomingExceptions, weekInWords, weeklyHours } from '../src/utils/hours';
import { readablePath } from '../src/utils/places';
import { queryString } from '../src/utils/query';

describe('opening hours in plain Chinese', () => {
  const days = (weekdays: number[], opens = '08:30', closes = '17:00') => weekdays.map((weekday) => ({ weekday, opens, closes }));
  it.each([
    ['every day', days([0, 1, 2, 3, 4, 5, 6]), '每天 08:30–17:00'],
    ['a working week', days([5, 1, 3, 2, 4]), '周一至周五 08:30–17:00'],
    ['two days and a lone one', [...days([1, 2]), ...days([4])], '周一、周二、周四 08:30–17:00'],
    ['the weekend apart', [...days([1, 2, 3]), ...days([6, 0], '09:00', '12:00')], '周一至周三 08:30–17:00；周六、周日 09:00–12:00'],
    ['no regular hours', [], null],
  ])('the week in one line: %s', (_, schedule, words) => {
    expect(weekInWords(schedule)).toBe(words);
  });

  it.each([
    ['one span', [{ weekday: 1, opens: '08:30', closes: '17:00' }], '08:30–17:00'],
    [
      'several spans, in time order',
      [
        { weekday: 1, opens: '13:30', closes: '17:00' },
        { weekday: 1, opens: '08:30', closes: '11:30' },
      ],
      '08:30–11:30、13:30–17:00',
    ],
    ['past midnight', [{ weekday: 1, opens: '20:00', closes: '02:00' }], '20:00–次日02:00'],
    ['until midnight', [{ weekday: 1, opens: '18:00', closes: '24:00' }], '18:00–24:00'],
    ['nothing that day', [{ weekday: 2, opens: '08:30', closes: '17:00' }], '休息'],
  ])('%s', (_case, schedule, monday) => {
    const week = weeklyHours(schedule);
    expect(week.map((day) => day.label)).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    expect(week[0].text).toBe(monday);
  });

  it('lists only changes from today on (Asia/Shanghai), soonest first', () => {
    const exceptions = [
      { date: '2026-10-08', closed: false, opens: '09:00', closes: '12:00' },
      { date: '2026-09-30', closed: true },
      { date: '2026-10-01', closed: true },
      { date: '2026-10-02', closed: false },
    ];
    expect(upcomingExceptions(exceptions, '2026-10-01').map((day) => `${day.label} ${day.text}`)).toEqual([
      '10月1日（周四） 休息',
      '10月2日（周五） 休息',
      '10月8日（周四） 只在 09:00–12:00 开放',
    ]);
  });

  it('takes today from Shanghai time, not the phone’s zone', () => {
    // 17:00 UTC on 30 September is already 1 October in China.
    expect(shanghaiToday(Date.UTC(2026, 8, 30, 17, 0))).toBe('2026-10-01');
    expect(shanghaiToday(Date.UTC(2026, 8, 30, 15, 59))).toBe('2026-09-30');
  });
});

describe('positions', () => {
  it('shifts a browser’s GPS position onto Chinese maps by a few hundred metres', () => {
    // 天安门: WGS-84 39.90872,116.39748 is GCJ-02 39.91012,116.40372 on Chinese maps.
    const shifted = wgs84ToGcj02({ latitude: 39.90872, longitude: 116.39748 });
    expect(distanceMetres(shifted, { latitude: 39.91012, longitude: 116.40372 })).toBeLessThan(20);
    expect(distanceMetres(shifted, { latitude: 39.90872, longitude: 116.39748 })).toBeGreaterThan(400);
  });

  it('leaves positions outside China alone', () => {
    expect(wgs84ToGcj02({ latitude: 51.5, longitude: -0.12 })).toEqual({ latitude: 51.5, longitude: -0.12 });
  });

  it('sends only about 100 m of precision', () => {
    expect(approximate({ latitude: 42.223456, longitude: 123.728949 })).toEqual({ latitude: 42.223, longitude: 123.729 });
  });
});

describe('small helpers', () => {
  it('writes a query string from the defined values only', () => {
    expect(queryString({ q: '懿路 村', limit: 20, openNow: true, type: undefined })).toBe(
      '?q=%E6%87%BF%E8%B7%AF%20%E6%9D%91&limit=20&openNow=true',
    );
    expect(queryString({ from: undefined })).toBe('');
  });

  it('shows paths with the place names she knows', () => {
    expect(readablePath('辽宁省 › 铁岭市 › 铁岭县 › 新台子镇 › 懿路村民委员会')).toBe(
      '辽宁省 › 铁岭市 › 铁岭县 › 新台子镇 › 懿路村',
    );
  });
});
