import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCode, type Actor, type AuthTokens, type DemoPerson } from '@wfh/shared';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { requireActor } from '../../common/auth/access';
import { forbidden, notFound } from '../../common/errors/app-exception';
import { FieldCipher } from '../../infra/crypto/field-cipher';
import { WechatClient } from '../../infra/wechat/wechat.client';
import { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly wechat: WechatClient,
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly cipher: FieldCipher,
  ) {}

  /** wx.login's code → WeChat's openid and session_key (kept here, encrypted) → our own tokens. */
  async signInWithWechat(code: string): Promise<AuthTokens> {
    const session = await this.wechat.code2Session(code);
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.users.findByOpenid(manager, session.openid);
      const user =
        existing ??
        Object.assign(new UserEntity(), {
          id: randomUUID(),
          openid: session.openid,
          // No invented name: she is shown by a neutral label (personLabel) until she sets one or a listing gives her one.
          displayName: null,
          nameListed: false,
          homeFederationId: null,
          demoKey: null,
          demoDescription: null,
          tokenGeneration: 0,
        });
      user.wechatSessionKeyEnc = this.cipher.encrypt(session.sessionKey);
      await this.users.save(manager, user);
      return this.tokens.issue(manager, user);
    });
  }

  async demoPeople(): Promise<DemoPerson[]> {
    this.assertDevSignIn();
    return this.users.demoPeople();
  }

  /** Development only: sign in as one of the seeded demo people, no WeChat needed. */
  async signInAsDemoPerson(personKey: string): Promise<AuthTokens> {
    this.assertDevSignIn();
    const user = await this.users.findByDemoKey(personKey);
    if (!user) throw notFound(ErrorCode.UnknownDemoPerson);
    return this.dataSource.transaction((manager) => this.tokens.issue(manager, user));
  }

  refresh(refreshToken: string): Promise<AuthTokens> {
    return this.tokens.refresh(refreshToken);
  }

  signOut(refreshToken: string): Promise<void> {
    return this.tokens.revoke(refreshToken);
  }

  signOutEverywhere(actor: Actor | null): Promise<void> {
    return this.tokens.endAllSessions(requireActor(actor).userId);
  }

  private assertDevSignIn(): void {
    if (!this.config.devSignIn) throw forbidden(ErrorCode.DevSignInDisabled);
  }
}
