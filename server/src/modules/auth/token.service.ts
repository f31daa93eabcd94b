import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, type AuthTokens } from '@wfh/shared';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { unauthorized } from '../../common/errors/app-exception';
import type { AccessTokenClaims } from '../../common/auth/auth.guard';
import { forUpdate } from '../../database/locking';
import { sha256Hex } from '../../infra/crypto/field-cipher';
import { toProfile } from '../users/users.repository';
import { UserEntity } from '../users/user.entity';
import { RefreshTokenEntity } from './refresh-token.entity';

/** Short-lived signed access tokens; long-lived refresh tokens kept as digests that rotate on use. */
@Injectable()
export class TokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Issues a pair for `user` inside the caller's transaction. */
  async issue(manager: EntityManager, user: UserEntity): Promise<AuthTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.getRepository(RefreshTokenEntity).insert({
      id: randomUUID(),
      userId: user.id,
      tokenHash: sha256Hex(refreshToken),
      expiresAt: new Date(Date.now() + this.config.auth.refreshTtlSeconds * 1000),
      usedAt: null,
    });
    const claims: AccessTokenClaims = { sub: user.id, typ: 'access' };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.auth.accessTtlSeconds, algorithm: 'HS256' });
    return { accessToken, expiresIn: this.config.auth.accessTtlSeconds, refreshToken, user: toProfile(user) };
  }

  /**
   * Trades a refresh token for a new pair. A token used twice means it was copied: every session of
   * that person ends, and she signs in again.
   */
  async refresh(refreshToken: string): Promise<AuthTokens> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const tokens = manager.getRepository(RefreshTokenEntity);
      const stored = await tokens.findOne({ where: { tokenHash: sha256Hex(refreshToken) }, ...forUpdate(manager) });
      if (!stored || stored.expiresAt.getTime() <= Date.now()) return null;
      if (stored.usedAt) {
        await tokens.update({ userId: stored.userId, usedAt: IsNull() }, { usedAt: new Date() });
        return 'reused' as const;
      }
      const user = await manager.getRepository(UserEntity).findOneBy({ id: stored.userId });
      if (!user || user.deletedAt) return null;
      await tokens.update({ id: stored.id }, { usedAt: new Date() });
      return this.issue(manager, user);
    });
    if (outcome === null || outcome === 'reused') throw unauthorized(ErrorCode.RefreshTokenInvalid);
    return outcome;
  }
}
