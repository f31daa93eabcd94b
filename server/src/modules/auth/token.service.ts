import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, mayUseConsole, type AuthTokens } from '@wfh/shared';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { unauthorized } from '../../common/errors/app-exception';
import type { AccessTokenClaims } from '../../common/auth/auth.guard';
import { forUpdate } from '../../database/locking';
import { sha256Hex } from '../../infra/crypto/field-cipher';
import { RoleAssignmentEntity } from '../roles/role-assignment.entity';
import { toProfile, UsersRepository } from '../users/users.repository';
import { UserEntity } from '../users/user.entity';
import { RefreshTokenEntity } from './refresh-token.entity';

/** A PC signed in by QR code: which sign-in it was (console_sign_in.id) and when it ends for good. */
export interface ConsoleSessionBound {
  id: string;
  endsAt: Date;
}

/**
 * Access tokens of a PC session. Ending the session stops them at once (AuthGuard checks `sid` on
 * every call); the short life only limits what a token copied off the PC alone would be worth.
 */
export const CONSOLE_ACCESS_TTL_SECONDS = 10 * 60;

/**
 * Short-lived signed access tokens; long-lived refresh tokens kept as digests that rotate on use.
 * Ending her sessions raises her token generation (every access token she holds stops at once) and
 * deletes her refresh tokens, so a copy presented later is merely unknown: it cannot end the
 * session she signs in with afterwards.
 *
 * Lock order, everywhere sessions change: her app_user row first, then refresh_token rows.
 */
@Injectable()
export class TokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
  ) {}

  /**
   * Issues a pair for `user` inside the caller's transaction. A PC session (`consoleSession`) ends at
   * its `endsAt` whatever happens; its access tokens name it (`sid`), so that ending it from her
   * phone or signing out on the PC (either removes its refresh tokens) stops them on their next call.
   */
  async issue(manager: EntityManager, user: UserEntity, consoleSession?: ConsoleSessionBound): Promise<AuthTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    const now = Date.now();
    const endsAt = consoleSession?.endsAt.getTime() ?? Infinity;
    await manager.getRepository(RefreshTokenEntity).insert({
      id: randomUUID(),
      userId: user.id,
      tokenHash: sha256Hex(refreshToken),
      expiresAt: new Date(Math.min(now + this.config.auth.refreshTtlSeconds * 1000, endsAt)),
      usedAt: null,
      consoleSessionId: consoleSession?.id ?? null,
      sessionEndsAt: consoleSession?.endsAt ?? null,
    });
    const accessTtl = consoleSession
      ? Math.max(1, Math.min(this.config.auth.accessTtlSeconds, CONSOLE_ACCESS_TTL_SECONDS, Math.floor((endsAt - now) / 1000)))
      : this.config.auth.accessTtlSeconds;
    const claims: AccessTokenClaims = { sub: user.id, typ: 'access', gen: user.tokenGeneration, ...(consoleSession ? { sid: consoleSession.id } : {}) };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: accessTtl, algorithm: 'HS256' });
    return { accessToken, expiresIn: accessTtl, refreshToken, user: toProfile(user) };
  }

  /**
   * Trades a refresh token for a new pair. A token used twice means it was copied: every session of
   * that person ends, access tokens included, and she signs in again.
   *
   * A PC session is bound to her roles as its access tokens are (AuthGuard): once she holds none the
   * console is for, it is not renewed but ended, its refresh tokens deleted, and the PC told why in
   * words. Otherwise a PC whose access token had just lapsed would go on for the rest of the day.
   */
  async refresh(refreshToken: string): Promise<AuthTokens> {
    const tokenHash = sha256Hex(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const tokens = manager.getRepository(RefreshTokenEntity);
      const seen = await tokens.findOneBy({ tokenHash });
      if (!seen) return null;
      const user = await this.users.lockById(manager, seen.userId);
      // Read again under the lock: a rotation or an ending of her sessions may have committed meanwhile.
      const stored = await tokens.findOne({ where: { tokenHash }, ...forUpdate(manager) });
      if (!stored || stored.expiresAt.getTime() <= Date.now()) return null;
      if (!user || user.deletedAt) return null;
      if (stored.usedAt) {
        await this.endSessions(manager, user.id);
        return 'reused' as const;
      }
      const consoleSession = stored.consoleSessionId && stored.sessionEndsAt ? { id: stored.consoleSessionId, endsAt: stored.sessionEndsAt } : undefined;
      if (consoleSession) {
        // Through the entity on this transaction's connection, under her app_user lock (RolesRepository
        // reads on a connection of its own): a revocation committed before this refresh counts.
        const grants = await manager.getRepository(RoleAssignmentEntity).find({ select: { role: true }, where: { userId: user.id, revokedAt: IsNull() } });
        if (!mayUseConsole(grants)) {
          await tokens.delete({ consoleSessionId: consoleSession.id });
          return 'role-revoked' as const;
        }
      }
      await tokens.update({ id: stored.id }, { usedAt: new Date() });
      return this.issue(manager, user, consoleSession);
    });
    if (outcome === 'role-revoked') throw unauthorized(ErrorCode.ConsoleRoleRevoked);
    if (outcome === null || outcome === 'reused') throw unauthorized(ErrorCode.RefreshTokenInvalid);
    return outcome;
  }

  /**
   * Signing out on one phone: that phone's refresh token stops; her other phones stay signed in. Only
   * an unused token is removed, so one already spent still gives away a copy if presented again. On a
   * PC that is its console session's last live token: its access tokens stop at once too.
   */
  async revoke(refreshToken: string): Promise<void> {
    await this.dataSource.getRepository(RefreshTokenEntity).delete({ tokenHash: sha256Hex(refreshToken), usedAt: IsNull() });
  }

  /** 退出所有设备: every phone she is signed in on has to sign in again. */
  async endAllSessions(userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (await this.users.lockById(manager, userId)) await this.endSessions(manager, userId);
    });
  }

  /** Inside a transaction that holds her app_user row. */
  private async endSessions(manager: EntityManager, userId: string): Promise<void> {
    await this.users.endAccessTokens(manager, userId);
    await manager.getRepository(RefreshTokenEntity).delete({ userId });
  }
}
