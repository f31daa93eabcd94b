import { RequestState } from '@wfh/shared';
import { newIdempotencyKey } from '../src/utils/idempotency';
import { answersOf, formProblems, herDeadlineLine, sortInbox, type DraftForm } from '../src/utils/requests';
import { formatDate, formatDateTime } from '../src/utils/time';
import { legalAid, summary } from './support/requests';

const NOW = Date.parse('2025-05-04T02:00:00Z');

describe('times in Asia/Shanghai', () => {
  it.each([
    ['2025-05-05T15:59:00Z', '5月5日 23:59'],
    ['2025-05-05T16:00:00Z', '5月6日 00:00'],
    ['2025-01-01T01:05:00Z', '1月1日 09:05'],
  ])('%s is %s', (utc, shown) => {
    expect(formatDateTime(utc, NOW)).toBe(shown);
  });

  it('names the year only when it is not this year, counted in Shanghai', () => {
    expect(formatDate('2024-12-31T16:30:00Z', NOW)).toBe('1月1日');
    expect(formatDate('2024-12-31T16:30:00Z', Date.parse('2024-12-31T12:00:00Z'))).toBe('2025年1月1日');
  });
});

describe('her deadline line', () => {
  it.each([
    // NOW is 5月4日 10:00 in Shanghai: today and tomorrow say the hour, later days the date.
    [{ firstResponseDueAt: '2025-05-04T03:52:00Z' }, '预计今天11:52前答复'],
    [{ firstResponseDueAt: '2025-05-05T01:00:00Z' }, '预计明天9:00前答复'],
    [{ firstResponseDueAt: '2025-05-06T01:30:00Z' }, '预计5月6日前答复'],
    [{ state: RequestState.Accepted, firstResponseDueAt: null, resolutionDueAt: '2025-05-20T09:00:00Z' }, '预计5月20日前办结'],
    [{ overdue: true }, '已超过预计答复时间，正在催办'],
    [{ state: RequestState.Closed, firstResponseDueAt: null, resolutionDueAt: null }, null],
  ])('%o → %s', (fields, line) => {
    expect(herDeadlineLine(summary({ id: 'r', ...fields }), NOW)).toBe(line);
  });
});

describe('the inbox order', () => {
  it('puts overdue first, then the nearest deadline, requests without one last', () => {
    const order = sortInbox([
      summary({ id: 'none', firstResponseDueAt: null, resolutionDueAt: null }),
      summary({ id: 'later', firstResponseDueAt: '2025-05-09T01:00:00Z' }),
      summary({ id: 'late-2', firstResponseDueAt: '2025-05-03T01:00:00Z', overdue: true }),
      summary({ id: 'sooner', firstResponseDueAt: null, resolutionDueAt: '2025-05-05T01:00:00Z' }),
      summary({ id: 'late-1', firstResponseDueAt: '2025-05-01T01:00:00Z', overdue: true }),
    ]).map((request) => request.id);

    expect(order).toEqual(['late-1', 'late-2', 'sooner', 'later', 'none']);
  });
});

describe('the form rules', () => {
  const filled: DraftForm = { answers: { topic: '财产' }, description: '想问问', contact: 'visit', phone: '', safeTimes: '', hasHome: true };

  it('accepts a complete form and sends numbers as numbers, blanks left out', () => {
    expect(formProblems(legalAid.questions, { ...filled, answers: { topic: '财产', people: ' 3 ' } })).toEqual([]);
    expect(answersOf(legalAid.questions, { topic: '财产', people: ' 3 ', has_papers: false })).toEqual({
      topic: '财产',
      people: 3,
      has_papers: false,
    });
    expect(answersOf(legalAid.questions, { topic: '财产', people: '' })).toEqual({ topic: '财产' });
  });

  it('says what is missing or wrong, each in a sentence', () => {
    const problems = formProblems(legalAid.questions, {
      answers: { people: '-2' },
      description: '  ',
      contact: 'phone',
      phone: '12',
      safeTimes: '',
      hasHome: false,
    });

    expect(problems.map((problem) => problem.message)).toEqual([
      '请选择：是哪方面的事',
      '“涉及几个人”请填一个数字',
      '请简单写一写您遇到的事情',
      '电话号码请只写数字，区号后面可以加“-”，例如 0410-1234567 或 13912345678',
      '请先选择您所在的村（社区）',
    ]);
  });
});

describe('idempotency keys', () => {
  it('are random version-4 UUIDs', () => {
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
