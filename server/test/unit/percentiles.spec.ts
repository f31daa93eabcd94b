import { median, percentile, share } from '../../src/modules/stats/percentiles';
import { weekOf } from '../../src/modules/stats/stats.service';

describe('median and nearest-rank percentiles', () => {
  it.each<[number[], number | null, number | null]>([
    [[], null, null],
    [[7], 7, 7],
    [[30, 10, 20], 20, 30],
    [[10, 20, 30, 40], 25, 40],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 55, 90],
    [Array.from({ length: 11 }, (_, i) => i), 5, 9],
  ])('%j → median %p, p90 %p', (values, m, p90) => {
    expect(median(values)).toBe(m);
    expect(percentile(values, 90)).toBe(p90);
  });

  it('leaves its input unsorted and gives no share of nothing', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
    expect(share(1, 0)).toBeNull();
    expect(share(3, 4)).toBe(0.75);
  });

  it('puts an instant in the Shanghai week that starts on Monday', () => {
    expect(weekOf(new Date('2026-10-04T15:59:59Z'))).toBe('2026-09-28'); // Sunday 23:59 Shanghai
    expect(weekOf(new Date('2026-10-04T16:00:00Z'))).toBe('2026-10-05'); // Monday 00:00 Shanghai
  });
});
