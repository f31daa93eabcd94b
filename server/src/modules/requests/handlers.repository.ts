import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sqlDate } from '../../database/raw-insert';
import { ChairAbsenceEntity } from '../roles/chair-absence.entity';
import { RegionLevel, RoleKind, ancestorRegionCodes, type ServiceCategoryKey } from '@wfh/shared';
import type { RoutingBody, RoutingRule } from './routing.policy';

interface Staffing {
  chairsPresent: string[];
  deputies: string[];
  staff: string[];
  admins: string[];
}

function placeholders(values: unknown[]): string {
  return values.map(() => '?').join(', ');
}

/** Who can handle requests at which body right now: roles held, chairs away, deputies standing in. */
@Injectable()
export class HandlersRepository {
  private async staffing(manager: EntityManager, ids: string[], now: Date): Promise<Map<string, Staffing>> {
    const result = new Map<string, Staffing>(ids.map((id) => [id, { chairsPresent: [], deputies: [], staff: [], admins: [] }]));
    if (ids.length === 0) return result;
    const [roles, absences]: [Array<{ federationId: string; role: RoleKind; userId: string }>, Array<{ federationId: string; chairUserId: string; deputyUserId: string | null }>] =
      await Promise.all([
        manager.query(
          `SELECT federation_id AS federationId, role, user_id AS userId FROM role_assignment
            WHERE federation_id IN (${placeholders(ids)}) AND revoked_at IS NULL ORDER BY granted_at, id`,
          ids,
        ),
        // The date bound as the driver would (sqlDate): the embedded sql.js cannot bind a Date in raw SQL.
        manager.query(
          `SELECT federation_id AS federationId, chair_user_id AS chairUserId, deputy_user_id AS deputyUserId FROM chair_absence
            WHERE federation_id IN (${placeholders(ids)}) AND away_from <= ? AND away_until > ?`,
          [...ids, sqlDate(manager, ChairAbsenceEntity, 'awayFrom', now), sqlDate(manager, ChairAbsenceEntity, 'awayUntil', now)],
        ),
      ]);
    const away = new Set(absences.map((a) => `${a.federationId}:${a.chairUserId}`));
    for (const { federationId, role, userId } of roles) {
      const s = result.get(federationId)!;
      if (role === RoleKind.Chair && !away.has(`${federationId}:${userId}`)) s.chairsPresent.push(userId);
      if (role === RoleKind.Deputy) s.deputies.push(userId);
      if (role === RoleKind.Staff) s.staff.push(userId);
      if (role === RoleKind.Admin) s.admins.push(userId);
    }
    for (const absence of absences) {
      const s = result.get(absence.federationId)!;
      if (absence.deputyUserId && !s.deputies.includes(absence.deputyUserId)) s.deputies.push(absence.deputyUserId);
    }
    return result;
  }

  private static handlersOf(level: RegionLevel, s: Staffing): string[] {
    if (level === RegionLevel.Village) return [...s.chairsPresent, ...s.deputies];
    if (level === RegionLevel.Township) return s.staff;
    if (level === RegionLevel.County) return s.admins;
    return [];
  }

  /** People to tell about a request at this body: its chair (or the deputy while she is away), its staff, its admins. */
  async handlerUserIds(manager: EntityManager, federationId: string, level: RegionLevel, now: Date): Promise<string[]> {
    const staffing = await this.staffing(manager, [federationId], now);
    return [...new Set(HandlersRepository.handlersOf(level, staffing.get(federationId)!))];
  }

  /** The bodies routing may consider for her home and these rule targets: each with its ancestors. */
  async routingBodies(manager: EntityManager, homeId: string, targetIds: string[], now: Date): Promise<Map<string, RoutingBody>> {
    return (await this.routing(manager, homeId, targetIds, now)).bodies;
  }

  /**
   * routingBodies with the people to tell at each of them (handlerUserIds), from the same reads: a
   * new request tells the body it was routed to without reading its roles a second time (issue #18).
   */
  async routing(
    manager: EntityManager,
    homeId: string,
    targetIds: string[],
    now: Date,
  ): Promise<{ bodies: Map<string, RoutingBody>; handlersAt: (federationId: string) => string[] }> {
    const ids = [...new Set([homeId, ...targetIds].flatMap((id) => [...ancestorRegionCodes(id), id]))];
    const rows: Array<{ id: string; name: string; level: RegionLevel; active: number | boolean }> = await manager.query(
      `SELECT id, name, level, active FROM federation WHERE id IN (${placeholders(ids)})`,
      ids,
    );
    const staffing = await this.staffing(manager, rows.map((r) => r.id), now);
    const bodies = new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          name: row.name,
          level: row.level,
          active: Boolean(Number(row.active)),
          hasActiveHandler: HandlersRepository.handlersOf(row.level, staffing.get(row.id)!).length > 0,
        },
      ]),
    );
    const handlersAt = (federationId: string) => {
      const body = bodies.get(federationId);
      return body ? [...new Set(HandlersRepository.handlersOf(body.level, staffing.get(federationId)!))] : [];
    };
    return { bodies, handlersAt };
  }

  async rulesFor(manager: EntityManager, categoryKey: ServiceCategoryKey): Promise<RoutingRule[]> {
    return manager.query(
      `SELECT region_prefix AS regionPrefix, category_key AS categoryKey, target_federation_id AS targetFederationId, label
         FROM routing_rule WHERE category_key = ?`,
      [categoryKey],
    );
  }
}
