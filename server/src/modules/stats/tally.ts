import { Rating } from '@wfh/shared';
import type { RequestStatRow } from './stats.repository';

const truthy = (v: number | boolean | null) => v === true || v === 1 || (v as unknown) === '1';

/** A stored rollup row's figures (stats_own_day / stats_tree_day), as read back. */
export interface RollupRow {
  bodyId: string;
  day: string;
  received: number | string;
  firstOnTime: number | string;
  resolvedOnTime: number | string;
  escalations: number | string;
  rated: number | string;
  satisfied: number | string;
  helped: number | string;
  firstMinutes: string;
  resolutionMinutes: string;
  categories: string;
}

const encodeList = (values: number[]): string => [...values].sort((a, b) => a - b).join(',');

/** The multiset `values` less `removed` (each removed value taken out once). */
function without(values: number[], removed: number[]): number[] {
  if (removed.length === 0) return values;
  const left = new Map<number, number>();
  for (const m of removed) left.set(m, (left.get(m) ?? 0) + 1);
  return values.filter((m) => {
    const n = left.get(m);
    if (!n) return true;
    left.set(m, n - 1);
    return false;
  });
}

/**
 * Everything one group of requests adds up to; bodies, weeks, days and the total are each one.
 * Tallies of disjoint groups merge exactly: counts add, and the minutes are kept as every value (not
 * a median), so the median of a merged tally is the median of the raw rows it stands for.
 */
export class Tally {
  received = 0;
  firstMinutes: number[] = [];
  resolutionMinutes: number[] = [];
  firstOnTime = 0;
  resolvedOnTime = 0;
  escalations = 0;
  rated = 0;
  satisfied = 0;
  helped = 0;
  categories = new Map<string, number>();
  /** Values taken back out (see subtract), removed from the lists by settle(). */
  private removedFirst: number[] = [];
  private removedResolution: number[] = [];

  add(row: RequestStatRow): void {
    this.received += 1;
    if (row.firstResponseMinutes !== null) {
      this.firstMinutes.push(Number(row.firstResponseMinutes));
      if (truthy(row.firstResponseOnTime)) this.firstOnTime += 1;
    }
    if (row.resolutionMinutes !== null) {
      this.resolutionMinutes.push(Number(row.resolutionMinutes));
      if (truthy(row.resolvedOnTime)) this.resolvedOnTime += 1;
    }
    this.escalations += Number(row.escalations);
    if (row.rating) {
      this.rated += 1;
      if (row.rating === Rating.Satisfied || row.rating === Rating.Partly) this.satisfied += 1;
      if (truthy(row.helped)) this.helped += 1;
    }
    this.categories.set(row.categoryKey, (this.categories.get(row.categoryKey) ?? 0) + 1);
  }

  merge(other: Tally): void {
    this.received += other.received;
    for (const m of other.firstMinutes) this.firstMinutes.push(m);
    for (const m of other.resolutionMinutes) this.resolutionMinutes.push(m);
    this.firstOnTime += other.firstOnTime;
    this.resolvedOnTime += other.resolvedOnTime;
    this.escalations += other.escalations;
    this.rated += other.rated;
    this.satisfied += other.satisfied;
    this.helped += other.helped;
    for (const [key, n] of other.categories) this.categories.set(key, (this.categories.get(key) ?? 0) + n);
  }

  /** Adds a stored rollup row without building a Tally for it (the views read thousands). */
  mergeRow(row: RollupRow): void {
    this.received += Number(row.received);
    if (row.firstMinutes !== '') for (const m of row.firstMinutes.split(',')) this.firstMinutes.push(Number(m));
    if (row.resolutionMinutes !== '') for (const m of row.resolutionMinutes.split(',')) this.resolutionMinutes.push(Number(m));
    this.firstOnTime += Number(row.firstOnTime);
    this.resolvedOnTime += Number(row.resolvedOnTime);
    this.escalations += Number(row.escalations);
    this.rated += Number(row.rated);
    this.satisfied += Number(row.satisfied);
    this.helped += Number(row.helped);
    for (const [key, n] of Object.entries(JSON.parse(row.categories) as Record<string, number>)) {
      this.categories.set(key, (this.categories.get(key) ?? 0) + n);
    }
  }

  /**
   * Takes back a group this tally had merged (a stored row since changed). Counts go at once; the
   * minutes are taken out of the lists in one pass by settle(), one occurrence per value.
   */
  subtract(other: Tally): void {
    this.received -= other.received;
    for (const m of other.firstMinutes) this.removedFirst.push(m);
    for (const m of other.resolutionMinutes) this.removedResolution.push(m);
    this.firstOnTime -= other.firstOnTime;
    this.resolvedOnTime -= other.resolvedOnTime;
    this.escalations -= other.escalations;
    this.rated -= other.rated;
    this.satisfied -= other.satisfied;
    this.helped -= other.helped;
    for (const [key, n] of other.categories) {
      const left = (this.categories.get(key) ?? 0) - n;
      if (left === 0) this.categories.delete(key);
      else this.categories.set(key, left);
    }
  }

  /** Applies what subtract() took back; call before reading the minutes. */
  settle(): void {
    this.firstMinutes = without(this.firstMinutes, this.removedFirst);
    this.resolutionMinutes = without(this.resolutionMinutes, this.removedResolution);
    this.removedFirst = [];
    this.removedResolution = [];
  }

  static fromRow(row: RollupRow): Tally {
    const t = new Tally();
    t.mergeRow(row);
    return t;
  }

  /** The columns of a rollup row (minutes sorted, so merged lists are runs a sort handles in linear time). */
  toColumns(bodyId: string, day: string): RollupRow {
    return {
      bodyId,
      day,
      received: this.received,
      firstOnTime: this.firstOnTime,
      resolvedOnTime: this.resolvedOnTime,
      escalations: this.escalations,
      rated: this.rated,
      satisfied: this.satisfied,
      helped: this.helped,
      firstMinutes: encodeList(this.firstMinutes),
      resolutionMinutes: encodeList(this.resolutionMinutes),
      categories: JSON.stringify(Object.fromEntries([...this.categories].sort(([a], [b]) => (a < b ? -1 : 1)))),
    };
  }
}
