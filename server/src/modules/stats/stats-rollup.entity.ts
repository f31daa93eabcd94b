import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What one group of requests (a body's, asked on one Shanghai day) adds up to, for the dashboards.
 * Counts are kept as counts; the working minutes are kept as the full sorted list of values, so a
 * median or 90th percentile over any days and bodies is the one the raw rows give (daily medians
 * cannot be combined; lists can). Rows are rebuilt from service_request by StatsRollupSweeper.
 */
abstract class RollupColumns {
  @Column({ type: 'int' })
  received: number;

  @Column({ name: 'first_on_time', type: 'int' })
  firstOnTime: number;

  @Column({ name: 'resolved_on_time', type: 'int' })
  resolvedOnTime: number;

  @Column({ type: 'int' })
  escalations: number;

  @Column({ type: 'int' })
  rated: number;

  @Column({ type: 'int' })
  satisfied: number;

  @Column({ type: 'int' })
  helped: number;

  /** Sorted working minutes to the first answer, comma-separated: its length is the number answered. */
  @Column({ name: 'first_minutes', type: 'text' })
  firstMinutes: string;

  @Column({ name: 'resolution_minutes', type: 'text' })
  resolutionMinutes: string;

  /** {category key: requests received}, JSON. */
  @Column({ type: 'text' })
  categories: string;
}

/**
 * Requests routed to exactly this body: the building block the subtree rows are summed from, keyed
 * by day first because a pass sums one day's rows under a prefix.
 */
@Entity('stats_own_day')
export class StatsOwnDayEntity extends RollupColumns {
  /** Shanghai local date, YYYY-MM-DD: the day the requests were asked. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ name: 'body_id', type: 'varchar', length: 12 })
  bodyId: string;
}

/** Requests routed anywhere in the body's subtree (its code is a prefix of the routed body's), as the views read them. */
@Entity('stats_tree_day')
export class StatsTreeDayEntity extends RollupColumns {
  @PrimaryColumn({ name: 'body_id', type: 'varchar', length: 12 })
  bodyId: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;
}

/**
 * How far the rollups reach: every change to a request stamped before `coveredBefore` (its
 * updated_at) is in them; the dashboards read later changes from the raw rows.
 */
@Entity('stats_rollup_state')
export class StatsRollupStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  name: string;

  @Column({ name: 'covered_before', type: 'datetime', precision: 6 })
  coveredBefore: Date;

  @Column({ name: 'rebuilt_at', type: 'datetime', precision: 6 })
  rebuiltAt: Date;
}
