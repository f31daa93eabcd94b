import {
  activityStatusAt,
  maskPhone,
  publicSeatsLeft,
  reminderTimes,
  seatsLabel,
  signupWindowAt,
} from '../src/activities';

/** Shanghai wall-clock time as an instant: sh('2026-12-05 09:00'). */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

describe('reminderTimes', () => {
  const signedUpAt = sh('2026-12-01 10:00');
  it.each<[string, string, Array<[string, string]>]>([
    ['a morning activity: the day before and two hours before', '2026-12-05 09:00', [['day_before', '2026-12-04 09:00'], ['two_hours_before', '2026-12-05 07:00']]],
    ['two hours before 07:30 is 05:30: moved to 07:00', '2026-12-05 07:30', [['day_before', '2026-12-04 07:30'], ['two_hours_before', '2026-12-05 07:00']]],
    ['a day before 23:00 is at night: moved to 21:00 that evening', '2026-12-05 23:00', [['day_before', '2026-12-04 21:00'], ['two_hours_before', '2026-12-05 21:00']]],
    ['an activity at 06:00: the day before moves to 21:00 two evenings before, the last one to the evening before', '2026-12-05 06:00', [['day_before', '2026-12-03 21:00'], ['two_hours_before', '2026-12-04 21:00']]],
    ['an activity at 00:30: both would be at night; the evening before only once', '2026-12-05 00:30', [['day_before', '2026-12-03 21:00'], ['two_hours_before', '2026-12-04 21:00']]],
    ['an evening class: 19:00 the day before and 17:00 the day itself', '2026-12-05 19:00', [['day_before', '2026-12-04 19:00'], ['two_hours_before', '2026-12-05 17:00']]],
  ])('%s', (_, startsAt, expected) => {
    const got = reminderTimes(sh(startsAt), signedUpAt).map((r) => [r.kind, r.at.toISOString()]);
    expect(got).toEqual(expected.map(([kind, at]) => [kind, sh(at).toISOString()]));
  });

  it('never schedules a reminder for a time already past', () => {
    expect(reminderTimes(sh('2026-12-01 15:00'), sh('2026-12-01 10:00')).map((r) => r.kind)).toEqual(['two_hours_before']);
    expect(reminderTimes(sh('2026-12-01 11:00'), sh('2026-12-01 10:00'))).toEqual([]);
  });

  it('never falls between 22:00 and 07:00 for any start in a week, every 15 minutes', () => {
    for (let minutes = 0; minutes < 7 * 24 * 60; minutes += 15) {
      const startsAt = new Date(sh('2026-12-07 00:00').getTime() + minutes * 60_000);
      for (const { at } of reminderTimes(startsAt, sh('2026-12-01 10:00'))) {
        const hour = (at.getUTCHours() + 8) % 24;
        expect(hour >= 7 && hour < 22).toBe(true);
        expect(at.getTime()).toBeLessThan(startsAt.getTime());
      }
    }
  });
});

describe('signupWindowAt', () => {
  const window = { opensAt: sh('2026-12-02 09:00'), closesAt: sh('2026-12-04 18:00'), startsAt: sh('2026-12-05 09:00') };
  it.each<[string, string]>([
    ['2026-12-02 08:59', 'not_yet'],
    ['2026-12-02 09:00', 'open'],
    ['2026-12-04 17:59', 'open'],
    ['2026-12-04 18:00', 'closed'],
  ])('at %s it is %s', (now, state) => {
    expect(signupWindowAt(window, sh(now))).toBe(state);
  });

  it('closes when the activity starts even if the window was left open longer', () => {
    expect(signupWindowAt({ ...window, closesAt: sh('2026-12-06 00:00') }, sh('2026-12-05 09:00'))).toBe('closed');
  });
});

describe('seats', () => {
  it('leaves the reserved places out of what women can take', () => {
    expect(publicSeatsLeft({ capacity: 30, reserved: 5, publicTaken: 22 })).toBe(3);
    expect(publicSeatsLeft({ capacity: 30, reserved: 5, publicTaken: 25 })).toBe(0);
  });

  it.each<[number, number, string]>([
    [3, 0, '剩余3个名额'],
    [0, 5, '名额已满，候补5人'],
    [0, 0, '名额已满，可以候补'],
  ])('%i left, %i waiting: %s', (left, waiting, label) => {
    expect(seatsLabel(left, waiting)).toBe(label);
  });
});

describe('activityStatusAt', () => {
  it('reads a published activity that has ended as finished, and leaves the others as stored', () => {
    const endsAt = sh('2026-12-05 11:00');
    expect(activityStatusAt('published', endsAt, sh('2026-12-05 10:59'))).toBe('published');
    expect(activityStatusAt('published', endsAt, sh('2026-12-05 11:00'))).toBe('finished');
    expect(activityStatusAt('cancelled', endsAt, sh('2026-12-06 11:00'))).toBe('cancelled');
    expect(activityStatusAt('draft', endsAt, sh('2026-12-06 11:00'))).toBe('draft');
  });
});

describe('maskPhone', () => {
  it.each<[string, string]>([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['0410-1234567', '041****4567'],
    ['12345', '****'],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
