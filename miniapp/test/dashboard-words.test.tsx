import { percentWords, rangeWords, workingTimeWords } from '../src/utils/stats';
import { presetRange, rangeProblem } from '../src/packages/dashboard/range';

describe('working time in words', () => {
  it.each([
    [null, '暂无'],
    [0.4, '不到1个工作分钟'],
    [40, '40个工作分钟'],
    [40.4, '约40个工作分钟'],
    [59.7, '约1个工作小时'],
    [60, '1个工作小时'],
    [150, '2.5个工作小时'],
    [155, '约2.5个工作小时'],
    [420, '7个工作小时'],
    // 7.4 hours rounds to 7.5, a whole working day: said as a day, not as hours.
    [444, '约1个工作日'],
    [450, '1个工作日'],
    [700, '约1.5个工作日'],
    [4500, '10个工作日'],
  ])('%p working minutes → %s', (minutes, words) => {
    expect(workingTimeWords(minutes)).toBe(words);
  });
});

describe('rates in words', () => {
  it.each([
    [null, '暂无'],
    [0, '0%'],
    [0.003, '不到1%'],
    [0.857, '86%'],
    [0.996, '99%'],
    [1, '100%'],
  ])('%p → %s', (rate, words) => {
    expect(percentWords(rate)).toBe(words);
  });
});

describe('date ranges', () => {
  // 2026-05-20 10:00 in Shanghai.
  const may20 = Date.parse('2026-05-20T10:00:00+08:00');

  it('starts the presets on the first day of the month, the quarter and the year', () => {
    expect(presetRange('month', may20)).toEqual({ from: '2026-05-01', to: '2026-05-20' });
    expect(presetRange('quarter', may20)).toEqual({ from: '2026-04-01', to: '2026-05-20' });
    expect(presetRange('year', may20)).toEqual({ from: '2026-01-01', to: '2026-05-20' });
  });

  it('counts 近30天 as today and the 29 days before it, across a month end', () => {
    expect(presetRange('days30', may20)).toEqual({ from: '2026-04-21', to: '2026-05-20' });
    // Past 16:00 UTC it is already the next day in Shanghai.
    expect(presetRange('days30', Date.parse('2026-03-01T00:30:00+08:00'))).toEqual({ from: '2026-01-31', to: '2026-03-01' });
  });

  it('refuses what the server refuses: the wrong way round, or more than 366 days', () => {
    expect(rangeProblem({ from: '2026-05-02', to: '2026-05-01' })).toBe('结束日期不能早于开始日期，请重新选择');
    expect(rangeProblem({ from: '2026-05-01', to: '2026-05-01' })).toBeNull();
    // 2024 is a leap year: 366 days from 1 January to 31 December.
    expect(rangeProblem({ from: '2024-01-01', to: '2024-12-31' })).toBeNull();
    expect(rangeProblem({ from: '2024-01-01', to: '2025-01-01' })).toBe('一次最多看一年的数字，请把日期范围缩短一些');
  });

  it('says a range in days, with the year only when it is not this one', () => {
    expect(rangeWords({ from: '2026-01-01', to: '2026-05-20' }, may20)).toBe('1月1日至5月20日');
    expect(rangeWords({ from: '2025-05-21', to: '2026-05-20' }, may20)).toBe('2025年5月21日至5月20日');
  });
});
