import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { sqlTime } from '../../database/sql-time';
import { AWAITING_ANSWER, BEING_HANDLED } from '../requests/request-view';

export interface RequestStatRow {
  routedFederationId: string;
  categoryKey: string;
  createdAt: Date | string;
  firstResponseMinutes: number | null;
  firstResponseOnTime: number | boolean | null;
  resolutionMinutes: number | null;
  resolvedOnTime: number | boolean | null;
  escalations: number;
  rating: string | null;
  helped: number | boolean | null;
}

/**
 * The dashboards' reads: plain rows through the (routed body, created) index, never entities, and
 * never a column of what she wrote.
 */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get manager() {
    return this.dataSource.manager;
  }

  requestsRoutedUnder(prefix: string, from: Date, to: Date): Promise<RequestStatRow[]> {
    return this.dataSource.query(
      `SELECT routed_federation_id AS routedFederationId, category_key AS categoryKey, created_at AS createdAt,
              first_response_minutes AS firstResponseMinutes, first_response_on_time AS firstResponseOnTime,
              resolution_minutes AS resolutionMinutes, resolved_on_time AS resolvedOnTime,
              escalations, rating, helped
         FROM service_request
        WHERE routed_federation_id LIKE ? AND created_at >= ? AND created_at < ?`,
      [`${prefix}%`, sqlTime(this.manager, from), sqlTime(this.manager, to)],
    );
  }

  /** Open requests past their deadline, by the body holding them now. */
  /**
   * Open requests past the deadline that applies now, as the inbox judges it (currentDeadline):
   * next_due_at alone would miss a request whose climb stopped at the county.
   */
  overdueUnder(prefix: string, now: Date): Promise<Array<{ federationId: string; n: number | string }>> {
    const awaiting = [...AWAITING_ANSWER];
    const handled = [...BEING_HANDLED];
    const at = sqlTime(this.manager, now);
    return this.dataSource.query(
      `SELECT federation_id AS federationId, COUNT(*) AS n FROM service_request
        WHERE federation_id LIKE ?
          AND ((state IN (${awaiting.map(() => '?').join(', ')}) AND first_response_due_at < ?)
            OR (state IN (${handled.map(() => '?').join(', ')}) AND resolution_due_at < ?))
        GROUP BY federation_id`,
      [`${prefix}%`, ...awaiting, at, ...handled, at],
    );
  }

  /**
   * Women who have signed in and confirmed their home, by home body; a woman who since deleted her
   * data still counts (her row keeps only the home body), so the body's figures do not drop.
   */
  womenUnder(prefix: string): Promise<Array<{ federationId: string; n: number | string }>> {
    return this.dataSource.query(
      `SELECT home_federation_id AS federationId, COUNT(*) AS n FROM app_user
        WHERE home_federation_id LIKE ? AND (openid IS NOT NULL OR demo_key IS NOT NULL OR deleted_at IS NOT NULL)
        GROUP BY home_federation_id`,
      [`${prefix}%`],
    );
  }

  /** Women (by home body) checked in at least once at an activity that started in the range. */
  participantsUnder(prefix: string, from: Date, to: Date): Promise<Array<{ federationId: string; n: number | string }>> {
    return this.dataSource.query(
      `SELECT u.home_federation_id AS federationId, COUNT(DISTINCT s.owner_user_id) AS n
         FROM activity_signup s
         JOIN activity a ON a.id = s.activity_id
         JOIN app_user u ON u.id = s.owner_user_id
        WHERE u.home_federation_id LIKE ? AND s.kind = 'self' AND s.checked_in_at IS NOT NULL
          AND a.starts_at >= ? AND a.starts_at < ?
        GROUP BY u.home_federation_id`,
      [`${prefix}%`, sqlTime(this.manager, from), sqlTime(this.manager, to)],
    );
  }

  activitiesHeldUnder(prefix: string, from: Date, to: Date): Promise<Array<{ federationId: string; n: number | string }>> {
    return this.dataSource.query(
      `SELECT federation_id AS federationId, COUNT(*) AS n FROM activity
        WHERE federation_id LIKE ? AND status = 'published' AND ends_at >= ? AND ends_at < ?
        GROUP BY federation_id`,
      [`${prefix}%`, sqlTime(this.manager, from), sqlTime(this.manager, to)],
    );
  }

  registeredWomenUnder(prefix: string): Promise<Array<{ federationId: string; n: number | string | null }>> {
    return this.dataSource.query(
      `SELECT id AS federationId, registered_women AS n FROM federation WHERE id LIKE ? AND registered_women IS NOT NULL`,
      [`${prefix}%`],
    );
  }

  childrenOf(federationId: string): Promise<Array<{ id: string; name: string; level: string }>> {
    return this.dataSource.query('SELECT id, name, level FROM federation WHERE parent_id = ? ORDER BY id', [federationId]);
  }

  concernsAnsweredUnder(prefix: string, from: Date, to: Date): Promise<Array<{ n: number | string }>> {
    return this.dataSource.query(
      `SELECT COUNT(DISTINCT u.concern_id) AS n FROM concern_update u JOIN concern c ON c.id = u.concern_id
        WHERE c.federation_id LIKE ? AND u.at >= ? AND u.at < ?`,
      [`${prefix}%`, sqlTime(this.manager, from), sqlTime(this.manager, to)],
    );
  }
}
