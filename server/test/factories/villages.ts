import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RegionLevel, RoleKind } from '@wfh/shared';
import { FederationEntity } from '../../src/modules/federations/federation.entity';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { RoleAssignmentEntity } from '../../src/modules/roles/role-assignment.entity';
import { UserEntity } from '../../src/modules/users/user.entity';
import { TREE } from './bodies';

export interface Village {
  id: string;
  /** Her dev sign-in key; she lives in this village. */
  womanKey: string;
  womanUserId: string;
  chairUserId: string;
  /** The chair signed in with WeChat once, so messages to her go through the (fake) WeChat API. */
  chairOpenid: string;
}

/**
 * `count` extra villages under 新台子镇 (TREE.township; call createTree first), each with a chair who
 * has a WeChat openid and one woman living there. One woman per village makes every request's first
 * message go to a person of its own, so what WeChat receives can be matched to outbox rows one to one.
 * The codes (211221101300 …) are made up; written in bulk, as a few hundred people take a second.
 */
export async function createVillagesWithChairs(dataSource: DataSource, count: number, tag = 'v'): Promise<Village[]> {
  if (count > 600) throw new Error('createVillagesWithChairs: at most 600 village codes under one township');
  const villages: Village[] = Array.from({ length: count }, (_, i) => ({
    id: `${TREE.township}${300 + i}`,
    womanKey: `${tag}-woman-${i}`,
    womanUserId: randomUUID(),
    chairUserId: randomUUID(),
    chairOpenid: `openid-${tag}-chair-${i}`,
  }));
  const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / 200) }, (_, i) => items.slice(i * 200, i * 200 + 200));
  for (const part of chunks(villages)) {
    await dataSource.getRepository(RegionEntity).insert(
      part.map((v) => ({ code: v.id, name: `试点${v.id.slice(-3)}村`, level: RegionLevel.Village, parentCode: TREE.township })),
    );
    await dataSource.getRepository(FederationEntity).insert(
      part.map((v) => ({
        id: v.id,
        name: `试点${v.id.slice(-3)}村妇联`,
        regionName: `试点${v.id.slice(-3)}村`,
        level: RegionLevel.Village,
        parentId: TREE.township,
        active: true,
        address: null,
        phone: null,
        officeHours: null,
      })),
    );
    await dataSource.getRepository(UserEntity).insert(
      part.flatMap((v) => [
        { id: v.womanUserId, openid: null, wechatSessionKeyEnc: null, displayName: v.womanKey, homeFederationId: v.id, demoKey: v.womanKey, demoDescription: `test woman of ${v.id}` },
        { id: v.chairUserId, openid: v.chairOpenid, wechatSessionKeyEnc: null, displayName: `chair ${v.id}`, homeFederationId: null, demoKey: null, demoDescription: null },
      ]),
    );
    await dataSource.getRepository(RoleAssignmentEntity).insert(
      part.map((v) => ({ id: randomUUID(), userId: v.chairUserId, federationId: v.id, role: RoleKind.Chair, grantedBy: null, revokedAt: null })),
    );
  }
  return villages;
}
