import { dueWords } from '../src/shanghai-time';

// 2026-12-07 10:00 in Shanghai.
const NOW = new Date('2026-12-07T02:00:00Z');

describe('dueWords', () => {
  it.each([
    ['later today', '2026-12-07T03:52:00Z', '今天11:52'],
    ['today already past', '2026-12-07T01:05:00Z', '今天9:05'],
    ['the last minute of today', '2026-12-07T15:59:00Z', '今天23:59'],
    ['tomorrow from midnight in Shanghai (still the 7th in UTC)', '2026-12-07T16:00:00Z', '明天0:00'],
    ['tomorrow morning', '2026-12-08T01:00:00Z', '明天9:00'],
    ['the day after tomorrow', '2026-12-09T01:00:00Z', '12月9日'],
    ['next year', '2027-01-04T01:00:00Z', '2027年1月4日'],
  ])('%s: %s is %s', (_case, at, words) => {
    expect(dueWords(new Date(at), NOW)).toBe(words);
  });

  it('counts today in Shanghai, not in UTC: at 23:30 on the 7th, 00:30 on the 8th is tomorrow', () => {
    expect(dueWords(new Date('2026-12-07T16:30:00Z'), new Date('2026-12-07T15:30:00Z'))).toBe('明天0:30');
  });

  it('names the year of a date in another year, counted in Shanghai', () => {
    // 2026-12-31 20:00 in Shanghai; 2027-01-02 is the day after tomorrow, in the next year.
    expect(dueWords(new Date('2027-01-02T01:00:00Z'), new Date('2026-12-31T12:00:00Z'))).toBe('2027年1月2日');
  });
});
