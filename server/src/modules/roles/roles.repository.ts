import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { BodyMember, RoleGrant, RoleGrantView } from '@wfh/shared';
import { RoleAssignmentEntity } from './role-assignment.entity';

@Injectable()
export class RolesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Read on every authenticated request: a raw query, no entity hydration. */
  async activeGrantsOf(userId: string): Promise<RoleGrant[]> {
    return this.dataSource.query(
      'SELECT role, federation_id AS federationId FROM role_assignment WHERE user_id = ? AND revoked_at IS NULL ORDER BY granted_at, id',
      [userId],
    );
  }

  /**
   * What the auth guard needs on every call, in one round trip: her active grants, or null when
   * the account is gone (deleted her data, or never existed) or her sessions were ended after the
   * token was issued (its `generation` is no longer hers), so those tokens stop at once.
   *
   * A PC's token also names its console session; that session is live while it holds a refresh
   * token not yet spent (refresh_token.console_session_id, indexed). Ending it on her phone, signing
   * out on the PC, 退出所有设备 and a copied token found out all delete those, so its access tokens
   * stop on their next call as well. Its end in time is the token's own `exp`, capped at the session's.
   */
  async grantsOfLiveSession(userId: string, generation: number, consoleSessionId?: string): Promise<RoleGrant[] | null> {
    const consoleLive = consoleSessionId === undefined
      ? '1'
      : 'EXISTS (SELECT 1 FROM refresh_token t WHERE t.console_session_id = ? AND t.user_id = u.id AND t.used_at IS NULL)';
    const rows: Array<{ deletedAt: Date | string | null; generation: number; consoleLive: number | string; role: RoleGrant['role'] | null; federationId: string | null }> =
      await this.dataSource.query(
        `SELECT u.deleted_at AS deletedAt, u.token_generation AS generation, ${consoleLive} AS consoleLive,
                r.role AS role, r.federation_id AS federationId
           FROM app_user u LEFT JOIN role_assignment r ON r.user_id = u.id AND r.revoked_at IS NULL
          WHERE u.id = ?
          ORDER BY r.granted_at, r.id`,
        consoleSessionId === undefined ? [userId] : [consoleSessionId, userId],
      );
    const head = rows[0];
    if (!head || head.deletedAt !== null || Number(head.generation) !== generation || Number(head.consoleLive) !== 1) return null;
    return rows.filter((row) => row.role !== null).map((row) => ({ role: row.role!, federationId: row.federationId! }));
  }

  async activeGrantViewsOf(userId: string): Promise<RoleGrantView[]> {
    const rows: Array<{ role: RoleGrantView['role']; federationId: string; federationName: string }> =
      await this.dataSource.query(
        `SELECT r.role AS role, r.federation_id AS federationId, f.name AS federationName
           FROM role_assignment r JOIN federation f ON f.id = r.federation_id
          WHERE r.user_id = ? AND r.revoked_at IS NULL
          ORDER BY r.granted_at, r.id`,
        [userId],
      );
    return rows;
  }

  /** Grants a role she does not hold yet; the new assignment's id, or null when she already holds it. */
  async grantOnce(manager: EntityManager, grant: RoleGrant & { userId: string; grantedBy: string | null }): Promise<string | null> {
    const assignments = manager.getRepository(RoleAssignmentEntity);
    const { userId, federationId, role, grantedBy } = grant;
    if (await assignments.existsBy({ userId, federationId, role, revokedAt: IsNull() })) return null;
    const id = randomUUID();
    await assignments.insert({ id, userId, federationId, role, grantedBy, revokedAt: null });
    return id;
  }

  async membersOf(federationId: string): Promise<BodyMember[]> {
    const rows: Array<{ userId: string; displayName: string | null; role: BodyMember['role']; since: Date | string }> =
      await this.dataSource.query(
        `SELECT u.id AS userId, u.display_name AS displayName, r.role AS role, r.granted_at AS since
           FROM role_assignment r JOIN app_user u ON u.id = r.user_id
          WHERE r.federation_id = ? AND r.revoked_at IS NULL
          ORDER BY r.granted_at, r.id`,
        [federationId],
      );
    return rows.map((row) => ({ ...row, since: toIso(row.since) }));
  }
}

/** MySQL returns Date objects, SQLite text in UTC: both become ISO strings. */
export function toIso(value: Date | string): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`).toISOString();
}
