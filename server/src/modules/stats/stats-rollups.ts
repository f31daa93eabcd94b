import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { shanghaiDate } from '@wfh/shared';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { LOCK_SERVICE, type LockService } from '../../infra/redis/coordination';
import { LeasedSweeper } from '../../infra/redis/leased-sweeper';
import { fromSqlTime } from '../../database/sql-time';
import { StatsRollupRepository } from './stats-rollup.repository';
import { Tally, type RollupRow } from './tally';

const DAY_MS = 24 * 3600_000;
/**
 * A change stamped this long before a pass began is taken as committed and read by it. Longer than
 * any request transaction (a few hundred ms; the pool gives up after 8 s); the rows inside the
 * margin are simply read again by the next pass, and read raw by the views meanwhile.
 */
export const COMMIT_MARGIN_MS = 120_000;
/** Every minute; the views stay exact in between, reading what changed since from the raw rows. */
export const ROLLUP_INTERVAL_MS = 60_000;
const LEASE_MS = 55_000;
/** Rows written per transaction: keeps a first build's undo log small. */
const FLUSH_ROWS = 2000;

/** The Shanghai day a request was asked on. */
export function dayOf(createdAt: Date | string): string {
  return shanghaiDate(fromSqlTime(createdAt));
}

/** Start of a Shanghai local date, as an instant. */
export function startOfDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`));
}

export function nextDay(day: string): string {
  return shanghaiDate(new Date(startOfDay(day).getTime() + DAY_MS + 3600_000));
}

/** The codes a routed body's figures count under: itself and every code that is a prefix of it. */
function prefixesOf(id: string): string[] {
  const out: string[] = [];
  for (let n = 1; n <= id.length; n++) out.push(id.slice(0, n));
  return out;
}

export interface RollupPass {
  /** (routed body, day) groups recomputed. */
  ownRows: number;
  /** (subtree, day) groups recomputed. */
  treeRows: number;
  coveredBefore: Date;
}

/**
 * Rebuilds the dashboards' rollups for the (body, day) groups whose requests changed since the last
 * pass, from the raw rows, so a rollup is always what the raw query would say about its group. The
 * request write path is untouched: a change is found by its updated_at stamp (MySQL's ON UPDATE).
 */
@Injectable()
export class StatsRollups {
  constructor(
    private readonly repo: StatsRollupRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async rebuild(): Promise<RollupPass> {
    const since = await this.repo.coveredBefore();
    // Read before the changes: a change stamped later is read again by the next pass.
    const startedAt = await this.repo.databaseNow();
    const changed = await this.repo.changedSince(since);

    const daysByBody = new Map<string, Set<string>>();
    for (const c of changed) {
      let days = daysByBody.get(c.routedFederationId);
      if (!days) daysByBody.set(c.routedFederationId, (days = new Set()));
      days.add(dayOf(c.createdAt));
    }
    const firstBuild = since === null;
    const floor = since ?? new Date(0);
    const coveredBefore = new Date(Math.max(floor.getTime(), startedAt.getTime() - COMMIT_MARGIN_MS));
    if (firstBuild) {
      // Nothing reads the rollups before the state row exists, so a first build commits as it goes.
      await this.repo.transaction(async (m) => {
        await m.query('DELETE FROM stats_own_day');
        await m.query('DELETE FROM stats_tree_day');
      });
      const counts = await this.write(daysByBody, true, (work) => this.repo.transaction(work));
      await this.repo.transaction((m) => this.repo.saveCoveredBefore(m, coveredBefore, this.clock.now()));
      return { ...counts, coveredBefore };
    }
    // Later passes commit own rows, subtree rows and the state together: the views take a changed
    // group's own row back out of its subtree row, which is exact only if the two never disagree.
    return this.repo.transaction(async (m) => {
      const counts = await this.write(daysByBody, false, (work) => work(m));
      await this.repo.saveCoveredBefore(m, coveredBefore, this.clock.now());
      return { ...counts, coveredBefore };
    });
  }

  private async write(
    daysByBody: Map<string, Set<string>>,
    firstBuild: boolean,
    inTransaction: <T>(work: (m: EntityManager) => Promise<T>) => Promise<T>,
  ): Promise<{ ownRows: number; treeRows: number }> {
    // 1. Each changed (routed body, day): its own row, from its raw rows.
    let ownRows = 0;
    let keys: Array<[string, string]> = [];
    let rows: RollupRow[] = [];
    const flush = async (table: 'stats_own_day' | 'stats_tree_day') => {
      const [k, r] = [keys, rows];
      keys = [];
      rows = [];
      if (k.length > 0) await inTransaction((m) => this.repo.replace(m, table, firstBuild ? [] : k, r));
    };
    for (const [body, days] of daysByBody) {
      const sorted = [...days].sort();
      const raw = await this.repo.routedTo(body, startOfDay(sorted[0]!), startOfDay(nextDay(sorted[sorted.length - 1]!)));
      const byDay = new Map<string, Tally>();
      for (const row of raw) {
        const day = dayOf(row.createdAt);
        if (!days.has(day)) continue;
        let t = byDay.get(day);
        if (!t) byDay.set(day, (t = new Tally()));
        t.add(row);
      }
      for (const day of sorted) {
        keys.push([body, day]);
        const t = byDay.get(day);
        if (t) rows.push(t.toColumns(body, day));
      }
      ownRows += sorted.length;
      if (keys.length >= FLUSH_ROWS) await flush('stats_own_day');
    }
    await flush('stats_own_day');

    // 2. Each (subtree, day) those groups count under: summed from the own rows of that day.
    const bodies = await this.repo.existingBodies([...new Set([...daysByBody.keys()].flatMap(prefixesOf))]);
    const treesByDay = new Map<string, Set<string>>();
    for (const [body, days] of daysByBody) {
      const trees = prefixesOf(body).filter((p) => bodies.has(p));
      for (const day of days) {
        let set = treesByDay.get(day);
        if (!set) treesByDay.set(day, (set = new Set()));
        for (const tree of trees) set.add(tree);
      }
    }
    let treeRows = 0;
    for (const [day, trees] of [...treesByDay].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const roots = [...trees].filter((t) => !prefixesOf(t).some((p) => p !== t && trees.has(p)));
      const tallies = new Map<string, Tally>();
      const owns = await inTransaction(async (m) => {
        const found: RollupRow[] = [];
        for (const root of roots) found.push(...(await this.repo.ownRowsOfDay(m, day, root)));
        return found;
      });
      for (const own of owns) {
        const t = Tally.fromRow(own);
        for (const p of prefixesOf(own.bodyId)) {
          if (!trees.has(p)) continue;
          let sum = tallies.get(p);
          if (!sum) tallies.set(p, (sum = new Tally()));
          sum.merge(t);
        }
      }
      for (const tree of trees) {
        keys.push([tree, day]);
        const t = tallies.get(tree);
        if (t) rows.push(t.toColumns(tree, day));
      }
      treeRows += trees.size;
      if (keys.length >= FLUSH_ROWS) await flush('stats_tree_day');
    }
    await flush('stats_tree_day');
    return { ownRows, treeRows };
  }
}

/** Runs the rollup pass once a minute on one instance at a time; a failed pass is redone whole by the next. */
@Injectable()
export class StatsRollupSweeper extends LeasedSweeper<RollupPass> {
  constructor(
    private readonly rollups: StatsRollups,
    @Inject(LOCK_SERVICE) locks: LockService,
  ) {
    super(locks, { lease: 'stats:rollups', leaseMs: LEASE_MS, everyMs: ROLLUP_INTERVAL_MS });
  }

  protected async sweep(): Promise<RollupPass> {
    const pass = await this.rollups.rebuild();
    if (pass.ownRows > 0) this.logger.log(`rebuilt ${pass.ownRows} body-days, ${pass.treeRows} subtree-days`);
    return pass;
  }
}
