import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { fromSqlTime, sqlTime } from '../../database/sql-time';
import type { RequestStatRow } from './stats.repository';
import type { RollupRow } from './tally';

export type RollupTable = 'stats_own_day' | 'stats_tree_day';

/** A request's place in the rollups: the routed body and when it was asked never change after routing. */
export interface ChangedRequest {
  routedFederationId: string;
  createdAt: Date | string;
}

const STATE = 'requests';
const ROLLUP_COLUMNS = `body_id AS bodyId, day, received, first_on_time AS firstOnTime, resolved_on_time AS resolvedOnTime,
  escalations, rated, satisfied, helped, first_minutes AS firstMinutes, resolution_minutes AS resolutionMinutes, categories`;
const STAT_COLUMNS = `routed_federation_id AS routedFederationId, category_key AS categoryKey, created_at AS createdAt,
  first_response_minutes AS firstResponseMinutes, first_response_on_time AS firstResponseOnTime,
  resolution_minutes AS resolutionMinutes, resolved_on_time AS resolvedOnTime, escalations, rating, helped`;
/** Rows per statement: well under both drivers' placeholder limits (12 columns each). */
const CHUNK = 400;

/** The rollup tables' reads and writes, plain rows only. */
@Injectable()
export class StatsRollupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Every change stamped before this is in the rollups; null before the first pass. */
  async coveredBefore(): Promise<Date | null> {
    const rows: Array<{ coveredBefore: Date | string }> = await this.dataSource.query(
      'SELECT covered_before AS coveredBefore FROM stats_rollup_state WHERE name = ?',
      [STATE],
    );
    return rows[0] ? fromSqlTime(rows[0].coveredBefore) : null;
  }

  async saveCoveredBefore(manager: EntityManager, coveredBefore: Date, rebuiltAt: Date): Promise<void> {
    await manager.query('DELETE FROM stats_rollup_state WHERE name = ?', [STATE]);
    await manager.query('INSERT INTO stats_rollup_state (name, covered_before, rebuilt_at) VALUES (?, ?, ?)', [
      STATE, sqlTime(manager, coveredBefore), sqlTime(manager, rebuiltAt),
    ]);
  }

  /** The database's clock, the one that stamps updated_at (MySQL's ON UPDATE), not this process's. */
  async databaseNow(): Promise<Date> {
    const sql = this.dataSource.options.type === 'sqljs' ? "SELECT strftime('%Y-%m-%d %H:%M:%f', 'now') AS at" : 'SELECT NOW(6) AS at';
    const rows: Array<{ at: Date | string }> = await this.dataSource.query(sql);
    return fromSqlTime(rows[0]!.at);
  }

  /** Requests changed at or after `since` (all of them for null), through idx_request_updated. */
  changedSince(since: Date | null): Promise<ChangedRequest[]> {
    return since === null
      ? this.dataSource.query('SELECT routed_federation_id AS routedFederationId, created_at AS createdAt FROM service_request WHERE routed_federation_id IS NOT NULL')
      : this.dataSource.query(
          `SELECT routed_federation_id AS routedFederationId, created_at AS createdAt FROM service_request
            WHERE updated_at >= ? AND routed_federation_id IS NOT NULL`,
          [sqlTime(this.manager, since)],
        );
  }

  /** The same, within a viewer's subtree and range: what the rollups may not have yet. */
  changedUnder(prefix: string, since: Date, from: Date, to: Date): Promise<ChangedRequest[]> {
    return this.dataSource.query(
      `SELECT routed_federation_id AS routedFederationId, created_at AS createdAt FROM service_request
        WHERE updated_at >= ? AND routed_federation_id LIKE ? AND created_at >= ? AND created_at < ?`,
      [sqlTime(this.manager, since), `${prefix}%`, sqlTime(this.manager, from), sqlTime(this.manager, to)],
    );
  }

  /** The dashboards' columns of requests routed to exactly this body, through idx_request_stats. */
  routedTo(bodyId: string, from: Date, to: Date): Promise<RequestStatRow[]> {
    return this.dataSource.query(
      `SELECT ${STAT_COLUMNS} FROM service_request WHERE routed_federation_id = ? AND created_at >= ? AND created_at < ?`,
      [bodyId, sqlTime(this.manager, from), sqlTime(this.manager, to)],
    );
  }

  ownRowsOfDay(manager: EntityManager, day: string, prefix: string): Promise<RollupRow[]> {
    return manager.query(`SELECT ${ROLLUP_COLUMNS} FROM stats_own_day WHERE day = ? AND body_id LIKE ?`, [day, `${prefix}%`]);
  }

  /**
   * The subtree rows of these bodies over the days, and the own rows of the given (body, day) pairs,
   * read in one transaction: a pass writes both together, so each subtree row is the sum of the own
   * rows beside it and taking one out is exact.
   */
  readRollups(bodyIds: string[], fromDay: string, toDay: string, pairs: Array<[string, string]>): Promise<{ trees: RollupRow[]; owns: RollupRow[] }> {
    return this.dataSource.transaction(async (m) => {
      const trees: RollupRow[] = await m.query(
        `SELECT ${ROLLUP_COLUMNS} FROM stats_tree_day WHERE body_id IN (${bodyIds.map(() => '?').join(', ')}) AND day >= ? AND day <= ?`,
        [...bodyIds, fromDay, toDay],
      );
      const owns: RollupRow[] = [];
      for (let i = 0; i < pairs.length; i += CHUNK) {
        const part = pairs.slice(i, i + CHUNK);
        owns.push(...(await m.query(`SELECT ${ROLLUP_COLUMNS} FROM stats_own_day WHERE ${part.map(() => '(day = ? AND body_id = ?)').join(' OR ')}`,
          part.flatMap(([body, day]) => [day, body]))));
      }
      return { trees, owns };
    });
  }

  /** The raw rows of these (routed body, [from, to)) spans, each through idx_request_stats. */
  async routedToSpans(spans: Array<[string, Date, Date]>): Promise<RequestStatRow[]> {
    const out: RequestStatRow[] = [];
    for (let i = 0; i < spans.length; i += CHUNK) {
      const part = spans.slice(i, i + CHUNK);
      out.push(...(await this.dataSource.query(
        `SELECT ${STAT_COLUMNS} FROM service_request WHERE ${part.map(() => '(routed_federation_id = ? AND created_at >= ? AND created_at < ?)').join(' OR ')}`,
        part.flatMap(([body, from, to]) => [body, sqlTime(this.manager, from), sqlTime(this.manager, to)]),
      )));
    }
    return out;
  }

  /** Which of these codes are bodies. */
  async existingBodies(ids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const part = ids.slice(i, i + CHUNK);
      const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM federation WHERE id IN (${part.map(() => '?').join(', ')})`, part);
      for (const row of rows) found.add(row.id);
    }
    return found;
  }

  /** Replaces the rows of these (body, day) keys with `rows` (a key with no row is left empty). */
  async replace(manager: EntityManager, table: RollupTable, keys: Array<[string, string]>, rows: RollupRow[]): Promise<void> {
    for (let i = 0; i < keys.length; i += CHUNK) {
      const part = keys.slice(i, i + CHUNK);
      await manager.query(
        `DELETE FROM ${table} WHERE ${part.map(() => '(body_id = ? AND day = ?)').join(' OR ')}`,
        part.flat(),
      );
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      await manager.query(
        `INSERT INTO ${table} (body_id, day, received, first_on_time, resolved_on_time, escalations, rated, satisfied, helped,
           first_minutes, resolution_minutes, categories) VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        part.flatMap((r) => [r.bodyId, r.day, r.received, r.firstOnTime, r.resolvedOnTime, r.escalations, r.rated, r.satisfied, r.helped,
          r.firstMinutes, r.resolutionMinutes, r.categories]),
      );
    }
  }
}
