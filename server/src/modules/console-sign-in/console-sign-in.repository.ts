import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LessThan, type DataSource, type EntityManager } from 'typeorm';
import { forUpdate } from '../../database/locking';
import { sqlTime } from '../../database/sql-time';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { toIso } from '../roles/roles.repository';
import { ConsoleSignInEntity } from './console-sign-in.entity';

export interface LiveConsoleSession {
  id: string;
  browser: string;
  ipAddress: string;
  signedInAt: string;
  endsAt: string;
}

@Injectable()
export class ConsoleSignInRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, row: ConsoleSignInEntity): Promise<void> {
    await manager.getRepository(ConsoleSignInEntity).insert(row);
  }

  find(id: string): Promise<ConsoleSignInEntity | null> {
    return this.dataSource.getRepository(ConsoleSignInEntity).findOneBy({ id });
  }

  /** The row, locked until the transaction ends: each step reads and moves it under this lock. */
  lock(manager: EntityManager, id: string): Promise<ConsoleSignInEntity | null> {
    return manager.getRepository(ConsoleSignInEntity).findOne({ where: { id }, ...forUpdate(manager) });
  }

  async save(manager: EntityManager, row: ConsoleSignInEntity): Promise<void> {
    await manager.getRepository(ConsoleSignInEntity).save(row);
  }

  /**
   * Rows asked for before `before`. A PC session lasts a working day at most, so by then each has
   * run out (or was never scanned); the audit log keeps who signed in where. Called as new sign-ins
   * are asked for, so the table holds about a day of them without a timer of its own.
   */
  async removeAskedBefore(manager: EntityManager, before: Date): Promise<void> {
    await manager.getRepository(ConsoleSignInEntity).delete({ requestedAt: LessThan(before) });
  }

  /**
   * Her PCs still signed in: those whose session has a refresh token neither spent nor run out at
   * `now`, the time the tokens keep. Whatever ended it (she ended it here, signed out on the PC,
   * 退出所有设备, a copied token found out) removed that token, so each shows here exactly while it works.
   */
  async liveSessionsOf(userId: string, now: Date): Promise<LiveConsoleSession[]> {
    const rows: Array<{ id: string; browser: string; ipAddress: string; signedInAt: Date | string; endsAt: Date | string }> =
      await this.dataSource.query(
        `SELECT c.id AS id, c.browser AS browser, c.ip_address AS ipAddress, c.signed_in_at AS signedInAt, MAX(r.session_ends_at) AS endsAt
           FROM console_sign_in c
           JOIN refresh_token r ON r.console_session_id = c.id AND r.used_at IS NULL AND r.expires_at > ?
          WHERE c.user_id = ? AND c.state = 'signed_in'
          GROUP BY c.id, c.browser, c.ip_address, c.signed_in_at
          ORDER BY c.signed_in_at DESC, c.id`,
        [sqlTime(this.dataSource.manager, now), userId],
      );
    return rows.map((row) => ({ ...row, signedInAt: toIso(row.signedInAt), endsAt: toIso(row.endsAt) }));
  }

  /**
   * Ends a PC session: its refresh tokens go, so the PC cannot renew its session, and its access
   * tokens stop on their next call (AuthGuard finds no live token for their `sid`). Deleted rather
   * than marked spent: a spent token presented again reads as a stolen copy and would end all her sessions.
   */
  async endSession(manager: EntityManager, consoleSessionId: string): Promise<void> {
    await manager.getRepository(RefreshTokenEntity).delete({ consoleSessionId });
  }
}
