import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DemoPerson, UserProfile } from '@wfh/shared';
import { forUpdate } from '../../database/locking';
import { UserEntity } from './user.entity';

/** What the display name of a woman recorded by a chair says; her real name is in name_enc. */
export const UNLINKED_DISPLAY_NAME = '代登记的居民';

export function toProfile(user: UserEntity): UserProfile {
  return { id: user.id, displayName: user.displayName, homeFederationId: user.homeFederationId, isDemo: user.demoKey !== null };
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  findByDemoKey(demoKey: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ demoKey });
  }

  findByOpenid(manager: EntityManager, openid: string): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOne({ where: { openid }, ...forUpdate(manager) });
  }

  /** Her row, locked until the transaction ends: whatever changes her sessions takes this lock first. */
  lockById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOne({ where: { id }, ...forUpdate(manager) });
  }

  /** Every access token she holds stops working at once: the auth guard compares their `gen` with this. */
  async endAccessTokens(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(UserEntity).increment({ id: userId }, 'tokenGeneration', 1);
  }

  save(manager: EntityManager, user: UserEntity): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(user);
  }

  /**
   * A woman a chair recorded a request for, before (or without) her own WeChat sign-in; created in
   * the transaction of that request, so a request that fails leaves no woman behind. Her name comes
   * encrypted (`nameEnc`): a dump shows only that she was recorded.
   */
  async createUnlinked(manager: EntityManager, nameEnc: string): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(
      Object.assign(new UserEntity(), {
        id: randomUUID(),
        openid: null,
        wechatSessionKeyEnc: null,
        displayName: UNLINKED_DISPLAY_NAME,
        nameEnc,
        homeFederationId: null,
        demoKey: null,
        demoDescription: null,
        tokenGeneration: 0,
      }),
    );
  }

  /** The name the county listed her under: what attendee lists, pickers and rosters show. */
  async setListedName(manager: EntityManager, userId: string, name: string): Promise<void> {
    await manager.getRepository(UserEntity).update({ id: userId }, { displayName: name });
  }

  async setHome(userId: string, federationId: string): Promise<void> {
    await this.dataSource.getRepository(UserEntity).update({ id: userId }, { homeFederationId: federationId });
  }

  async demoPeople(): Promise<DemoPerson[]> {
    const rows = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.demoKey', 'u.displayName', 'u.demoDescription'])
      .where('u.demo_key IS NOT NULL')
      .orderBy('u.demo_key')
      .getMany();
    return rows.map((u) => ({ key: u.demoKey!, displayName: u.displayName, description: u.demoDescription ?? '' }));
  }
}
