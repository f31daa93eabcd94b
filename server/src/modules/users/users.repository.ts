import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { DemoPerson, UserProfile } from '@wfh/shared';
import { forUpdate } from '../../database/locking';
import { UserEntity } from './user.entity';

export function toProfile(user: UserEntity): UserProfile {
  return { id: user.id, displayName: user.displayName, nameListed: user.nameListed, homeFederationId: user.homeFederationId, isDemo: user.demoKey !== null };
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  /** The names of several people for one list, read at once; null for a person without one. */
  async namesOf(ids: string[]): Promise<Map<string, string | null>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(UserEntity).find({ where: { id: In(unique) }, select: { id: true, displayName: true } });
    return new Map(rows.map((row) => [row.id, row.displayName]));
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
   * encrypted (`nameEnc`) and display_name stays empty: a dump shows only that she was recorded.
   */
  async createUnlinked(manager: EntityManager, nameEnc: string): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(
      Object.assign(new UserEntity(), {
        id: randomUUID(),
        openid: null,
        wechatSessionKeyEnc: null,
        displayName: null,
        nameListed: false,
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
    await manager.getRepository(UserEntity).update({ id: userId }, { displayName: name, nameListed: true });
  }

  /**
   * A name she chose herself, or none. Under her row lock, so a phone sign-in giving her the listed
   * name at the same moment either comes first (and this refuses) or overwrites this afterwards.
   */
  setOwnName(userId: string, name: string | null): Promise<'set' | 'listed' | 'gone'> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockById(manager, userId);
      if (!user || user.deletedAt) return 'gone';
      if (user.nameListed) return 'listed';
      await manager.getRepository(UserEntity).update({ id: userId }, { displayName: name });
      return 'set';
    });
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
    return rows.map((u) => ({ key: u.demoKey!, displayName: u.displayName ?? '', description: u.demoDescription ?? '' }));
  }
}
