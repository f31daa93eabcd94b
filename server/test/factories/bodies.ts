import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RegionLevel, parentRegionCode, regionLevelOf, type RoleKind } from '@wfh/shared';
import { FederationEntity } from '../../src/modules/federations/federation.entity';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { RoleAssignmentEntity } from '../../src/modules/roles/role-assignment.entity';
import { UserEntity } from '../../src/modules/users/user.entity';

/**
 * A small real-looking tree: 辽宁省 › 铁岭市 › 铁岭县 › 新台子镇 (懿路村, 东孤家子村) and 阿吉镇 (阿吉堡子村).
 * Codes are the real ones, so prefix rules behave as in production.
 */
export const TREE = {
  province: '21',
  city: '2112',
  county: '211221',
  township: '211221101',
  village: '211221101200',
  siblingVillage: '211221101201',
  otherTownship: '211221102',
  otherTownshipVillage: '211221102200',
  otherCounty: '211223',
} as const;

const NAMES: Record<string, string> = {
  '21': '辽宁省',
  '2112': '铁岭市',
  '211221': '铁岭县',
  '211223': '西丰县',
  '211221101': '新台子镇',
  '211221102': '阿吉镇',
  '211221101200': '懿路村',
  '211221101201': '东孤家子村',
  '211221102200': '阿吉堡子村',
};

export async function createTree(dataSource: DataSource): Promise<void> {
  for (const code of Object.keys(NAMES).sort((a, b) => a.length - b.length)) {
    const level = regionLevelOf(code) as RegionLevel;
    await dataSource.getRepository(RegionEntity).insert({ code, name: NAMES[code], level, parentCode: parentRegionCode(code) });
    await dataSource.getRepository(FederationEntity).insert({
      id: code,
      name: `${NAMES[code]}妇联`,
      regionName: NAMES[code],
      level,
      parentId: parentRegionCode(code),
      active: true,
      address: null,
      phone: null,
      officeHours: null,
    });
  }
}

export async function createPerson(
  dataSource: DataSource,
  spec: { key: string; displayName?: string | null; home?: string | null; role?: { role: RoleKind; federationId: string } },
): Promise<UserEntity> {
  const user = await dataSource.getRepository(UserEntity).save(
    Object.assign(new UserEntity(), {
      id: randomUUID(),
      openid: null,
      wechatSessionKeyEnc: null,
      // null: a person without a name, as a new WeChat user is.
      displayName: spec.displayName === undefined ? spec.key : spec.displayName,
      homeFederationId: spec.home ?? null,
      demoKey: spec.key,
      demoDescription: `test person ${spec.key}`,
    }),
  );
  if (spec.role) {
    await dataSource.getRepository(RoleAssignmentEntity).insert({
      id: randomUUID(),
      userId: user.id,
      federationId: spec.role.federationId,
      role: spec.role.role,
      grantedBy: null,
      revokedAt: null,
    });
  }
  return user;
}

export type PersonSpec = Parameters<typeof createPerson>[1];

/** Creates each person and signs her in through the dev sign-in; returns access tokens by the given names. */
export async function createPeopleSignedIn(
  dataSource: DataSource,
  signIn: (personKey: string) => Promise<{ accessToken: string }>,
  people: Array<[string, PersonSpec]>,
): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const [name, spec] of people) {
    await createPerson(dataSource, spec);
    tokens[name] = (await signIn(spec.key)).accessToken;
  }
  return tokens;
}
