import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import {
  ApiPaths,
  ErrorCode,
  RoleKind,
  ServiceCategoryKey,
  holidayCoverageWarning,
  pathOf,
  type HolidayCoverage,
  type HolidayEntry,
  type HolidayYear,
  type RequestDetail,
} from '@wfh/shared';
import { chinaCalendar, dayKindOf } from '../../src/infra/clock/china-calendar';
import { HOLIDAYS_CHANNEL, HolidayCalendarSync } from '../../src/modules/calendar/holiday-calendar.sync';
import { TREE } from '../factories/bodies';
import { expectApiError, expectFieldErrors } from '../support/api-expect';
import { eventually } from '../support/patience';
import { TEST_REDIS_PREFIX, TEST_REDIS_URL } from '../support/services';
import { useTreeApp } from '../support/tree-app';

/**
 * chinese-days 1.5.7 knows the arrangements up to 2026. On a clock in 2027 the server must say so,
 * and what a county admin enters must reach the deadline clock.
 */

const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

/** Monday 4 January 2027, 09:00. */
const START = shanghai('2027-01-04 09:00');

/**
 * 春节 2027 as a State Council notice might set it (lunar new year falls on Saturday 6 February):
 * off Saturday 6 to Sunday 14 February, with Saturday 20 February worked instead.
 */
const SPRING_FESTIVAL_2027: HolidayEntry[] = [
  ...['06', '07', '08', '09', '10', '11', '12', '13', '14'].map((d): HolidayEntry => ({ date: `2027-02-${d}`, kind: 'holiday', name: '春节' })),
  { date: '2027-02-20', kind: 'workday', name: '春节调休' },
];

const mediation = {
  categoryKey: ServiceCategoryKey.MarriageMediation, // 8 working hours to a first answer
  description: '婆婆总是和我吵架，想请妇联帮忙说和',
  answers: { with_whom: '公婆' },
  contact: { method: 'phone', phone: '13800000001', safeTimes: '工作日上午' },
  federationId: TREE.village,
};

describe('the holiday calendar in a year the library lacks', () => {
  const { clock, api, app } = useTreeApp(START, [
    ['woman', { key: 'woman', home: TREE.village }],
    ['chair', { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } }],
    ['staff', { key: 'staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
    ['admin', { key: 'admin', displayName: '吴静', role: { role: RoleKind.Admin, federationId: TREE.county } }],
  ]);
  const yearPath = (year: string | number) => pathOf(ApiPaths.holidayYear, { year: String(year) });
  const save = (year: string | number, entries: unknown, who = 'admin') => api<HolidayYear>(who, 'PUT', yearPath(year), { entries });
  const fileAt = async (local: string) => {
    clock.at = shanghai(local);
    const reply = await api<RequestDetail>('woman', 'POST', ApiPaths.requests, mediation);
    expect(reply.status).toBe(201);
    return reply.body;
  };
  const stored = async () => ({
    entries: Number((await app().dataSource.query('SELECT COUNT(*) AS n FROM holiday_entry'))[0].n),
    audits: Number((await app().dataSource.query('SELECT COUNT(*) AS n FROM audit_log'))[0].n),
  });

  afterEach(() => jest.restoreAllMocks());

  it('says in the log and to the county admin that 2027 and 2028 are missing', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    expect(app().app.get(HolidayCalendarSync).checkCoverage().missing).toEqual([2027, 2028]);
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringContaining('does not cover 2027'),
      expect.stringContaining('does not cover 2028'),
    ]);

    const coverage = await api<HolidayCoverage>('admin', 'GET', ApiPaths.holidayCoverage);
    expect(coverage.status).toBe(200);
    expect(coverage.body).toEqual({
      years: [
        { year: 2027, covered: false, source: null },
        { year: 2028, covered: false, source: null },
      ],
      missing: [2027, 2028],
    });
    expect(holidayCoverageWarning(coverage.body.missing)).toBe('节假日安排缺少2027年、2028年，请录入');
    expectApiError(await api('staff', 'GET', ApiPaths.holidayCoverage), 403, ErrorCode.Forbidden);
    expectApiError(await api('chair', 'PUT', yearPath(2027), { entries: SPRING_FESTIVAL_2027 }), 403, ErrorCode.Forbidden);

    // Back in 2026 the library knows the year itself.
    clock.at = shanghai('2026-06-01 09:00');
    expect((await api<HolidayCoverage>('admin', 'GET', ApiPaths.holidayCoverage)).body).toEqual({
      years: [
        { year: 2026, covered: true, source: 'library' },
        { year: 2027, covered: false, source: null },
      ],
      missing: [2027],
    });
  });

  it('春节 2027 entered by a county admin: audited, covered, and the deadline clock skips it', async () => {
    // Before: the library counts 春节 as ordinary weekdays, and the village would be "late" on the
    // Monday of the festival.
    const before = await fileAt('2027-02-05 16:00');
    expect(before.firstResponseDueAt).toBe(shanghai('2027-02-08 16:30').toISOString());

    clock.at = shanghai('2027-01-04 10:00');
    const saved = await save(2027, [...SPRING_FESTIVAL_2027].reverse());
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      year: 2027,
      libraryKnows: false,
      entries: SPRING_FESTIVAL_2027,
      enteredAt: shanghai('2027-01-04 10:00').toISOString(),
      enteredByName: '吴静',
    });
    expect((await api<HolidayYear>('admin', 'GET', yearPath(2027))).body).toEqual(saved.body);

    const audits = await app().dataSource.query(
      'SELECT a.action, a.subject_type AS subjectType, a.subject_id AS subjectId, a.federation_id AS federationId, u.demo_key AS who FROM audit_log a JOIN app_user u ON u.id = a.actor_user_id',
    );
    expect(audits).toEqual([{ action: 'holiday_calendar.update', subjectType: 'holiday_year', subjectId: '2027', federationId: null, who: 'admin' }]);

    const coverage = (await api<HolidayCoverage>('admin', 'GET', ApiPaths.holidayCoverage)).body;
    expect(coverage.years[0]).toEqual({ year: 2027, covered: true, source: 'entered' });
    expect(coverage.missing).toEqual([2028]);
    expect(holidayCoverageWarning(coverage.missing)).toBe('节假日安排缺少2028年，请录入');

    // Filed the Friday before: 1.5 hours that day, then nothing until Monday 15 February.
    const after = await fileAt('2027-02-05 16:00');
    expect(after.firstResponseDueAt).toBe(shanghai('2027-02-15 16:30').toISOString());
    // Filed on the festival itself: the clock starts when the office opens again.
    expect((await fileAt('2027-02-10 10:00')).firstResponseDueAt).toBe(shanghai('2027-02-16 09:00').toISOString());
    // The 调休 Saturday is a working day: Friday 19th's last half hour, then all of Saturday 20th.
    expect((await fileAt('2027-02-19 17:00')).firstResponseDueAt).toBe(shanghai('2027-02-20 17:30').toISOString());
    // A request filed earlier keeps the deadline it was given.
    expect((await api<RequestDetail>('woman', 'GET', pathOf(ApiPaths.request, { id: before.id }))).body.firstResponseDueAt).toBe(
      shanghai('2027-02-08 16:30').toISOString(),
    );
  });

  it('saving a year again replaces it whole; an empty list removes it and the warning comes back', async () => {
    await save(2027, SPRING_FESTIVAL_2027);
    const national: HolidayEntry[] = [{ date: '2027-10-01', kind: 'holiday', name: '国庆节' }];
    expect((await save(2027, national)).body.entries).toEqual(national);
    expect(dayKindOf('2027-02-08', 1)).toBe('workday');
    expect(dayKindOf('2027-10-01', 5)).toBe('holiday');

    const emptied = await save(2027, []);
    expect(emptied.body).toMatchObject({ entries: [], enteredAt: null, enteredByName: null });
    expect((await api<HolidayCoverage>('admin', 'GET', ApiPaths.holidayCoverage)).body.missing).toEqual([2027, 2028]);
    expect(await stored()).toEqual({ entries: 0, audits: 3 });
  });

  it('refuses what is wrong with the field and the day named, in Chinese, and stores nothing', async () => {
    const refused = async (year: string | number, entries: unknown, fields: string[]) => {
      const body = expectFieldErrors(await save(year, entries), 400, ErrorCode.ValidationFailed, fields);
      return (body.fields ?? []).map((f) => f.message);
    };
    expect(await refused(2027, [{ date: '2026-12-31', kind: 'holiday', name: '元旦' }], ['entries.0.date'])).toEqual([
      '2026-12-31不在2027年，请改为2027年的日期',
    ]);
    expect(await refused(2027, [{ date: '2027-02-30', kind: 'holiday', name: '春节' }], ['entries.0.date'])).toEqual([
      '第1条的日期“2027-02-30”不是有效的日期，请按2027-02-06这样填写',
    ]);
    expect(
      await refused(
        2027,
        [
          { date: '2027-02-06', kind: 'holiday', name: '春节' },
          { date: '2027-02-06', kind: 'workday', name: '春节调休' },
        ],
        ['entries.1.date'],
      ),
    ).toEqual(['2月6日录入了两次，请删去一条']);
    expect(await refused(2027, [{ date: '2027-02-17', kind: 'workday', name: '春节调休' }], ['entries.0.kind'])).toEqual([
      '2月17日是周三，本来就上班；调休上班日应是周六或周日，请检查',
    ]);
    expect(await refused(2027, [{ date: '2027-02-06', kind: 'holiday', name: '春'.repeat(21) }], ['entries.0.name'])).toEqual([
      '2月6日的节日名称太长了，请不超过20个字',
    ]);
    expect(await refused(2027, [{ date: '2027-02-06', kind: 'holiday', name: '  ' }], ['entries.0.name'])).toEqual([
      '请填写2月6日是哪个节日，例如“春节”',
    ]);
    await refused(2027, [{ date: '2027-02-06', kind: 'vacation', name: '春节' }], ['entries.0.kind']);
    await refused(2027, [{ date: '2027-02-06', kind: 'holiday', name: '春节', extra: 1 }], ['entries.0.extra']);
    await refused(2027, 'all of February', ['entries']);
    expect(await refused(2029, SPRING_FESTIVAL_2027, ['year'])).toEqual(['只能录入今年（2027年）或明年（2028年）的节假日安排']);
    expect(await refused('27', SPRING_FESTIVAL_2027, ['year'])).toEqual(['年份应是四位数字，例如2027']);
    expect(await stored()).toEqual({ entries: 0, audits: 0 });
    expect(dayKindOf('2027-02-08', 1)).toBe('workday');
  });

  describe('several instances', () => {
    it('a save is announced to the other instances through Redis', async () => {
      const listener = new Redis(TEST_REDIS_URL);
      try {
        const heard: string[] = [];
        await listener.subscribe(`${TEST_REDIS_PREFIX}${HOLIDAYS_CHANNEL}`);
        listener.on('message', (_channel, message) => heard.push(message));
        expect((await save(2027, SPRING_FESTIVAL_2027)).status).toBe(200);
        await eventually('the announcement', async () => heard.length > 0);
      } finally {
        listener.disconnect();
      }
    });

    it('entries another instance saved are used here once it announces them', async () => {
      // As another instance would: rows in the shared database, then the announcement.
      await app().dataSource.query(
        "INSERT INTO holiday_entry (date, year, kind, name, entered_by, entered_at) VALUES ('2027-02-08', 2027, 'holiday', '春节', 'someone', ?)",
        [START],
      );
      expect(dayKindOf('2027-02-08', 1)).toBe('workday');
      const publisher = new Redis(TEST_REDIS_URL);
      try {
        await publisher.publish(`${TEST_REDIS_PREFIX}${HOLIDAYS_CHANNEL}`, 'changed');
      } finally {
        publisher.disconnect();
      }
      await eventually('the other instance’s entry', async () => dayKindOf('2027-02-08', 1) === 'holiday');
      expect(chinaCalendar.sourceOf(2027)).toBe('entered');
    });

    it('the daily check reloads the entries too, so an announcement lost while Redis was away heals', async () => {
      await app().dataSource.query(
        "INSERT INTO holiday_entry (date, year, kind, name, entered_by, entered_at) VALUES ('2027-10-01', 2027, 'holiday', '国庆节', 'someone', ?)",
        [START],
      );
      expect(dayKindOf('2027-10-01', 5)).toBe('workday');
      const sync = app().app.get(HolidayCalendarSync);
      await sync.dailyCheck();
      expect(dayKindOf('2027-10-01', 5)).toBe('holiday');
      expect(sync.coverage().missing).toEqual([2028]);
    });
  });
});
