import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RegionLevel, RoleKind } from '@wfh/shared';
import type { FieldCipher } from '../../infra/crypto/field-cipher';
import { normalisePhone, type PhoneDigest } from '../../infra/crypto/phone-digest';
import { audit } from '../audit/audit';
import { FederationEntity } from '../federations/federation.entity';
import type { ListedPeopleRepository } from '../onboarding/listed-people.repository';

export interface FirstAdmin {
  countyId: string;
  name: string;
  phone: string;
}

export type FirstAdminOutcome =
  | { ok: true; listed: boolean; countyName: string }
  | { ok: false; message: string };

/**
 * Lists the first admin of a county on a fresh database: when she shares that phone number in the
 * mini-program (「用微信手机号登录」) she is the county's admin, and from there she lists everyone
 * else by import. No password and no code to pass on. Listing the same person again changes nothing.
 */
export async function listFirstAdmin(
  dataSource: DataSource,
  deps: { cipher: FieldCipher; phoneDigest: PhoneDigest; listings: ListedPeopleRepository },
  input: FirstAdmin,
  now: Date,
): Promise<FirstAdminOutcome> {
  const countyId = input.countyId.trim();
  const name = input.name.trim();
  if (!/^\d{6}$/.test(countyId)) return { ok: false, message: `县级行政区划代码是6位数字，例如 211221（铁岭县），这里是「${countyId}」` };
  if (name === '' || name.length > 40) return { ok: false, message: '请用 --name 写上她的姓名（40个字以内）' };
  const phone = normalisePhone(input.phone);
  if (!phone.ok) return { ok: false, message: phone.message };
  const county = await dataSource.getRepository(FederationEntity).findOneBy({ id: countyId });
  if (!county || county.level !== RegionLevel.County) {
    return { ok: false, message: `没有区划代码为 ${countyId} 的县级妇联：请先用 pnpm import:regions 导入所在的省或市，并检查代码` };
  }
  const phoneDigest = deps.phoneDigest.ofNormalised(phone.phone);
  return dataSource.transaction(async (manager) => {
    const existing = (await deps.listings.lockByPhoneDigest(manager, phoneDigest)).find((l) => l.federationId === countyId && l.role === RoleKind.Admin);
    if (existing) {
      if (existing.name === name) return { ok: true as const, listed: false, countyName: county.name };
      return { ok: false as const, message: `这个手机号已经登记为${county.name}管理员「${existing.name}」，没有做任何更改` };
    }
    const id = randomUUID();
    await deps.listings.insertMany(manager, [{ id, name, phoneEnc: deps.cipher.encrypt(phone.phone), phoneDigest, federationId: countyId, role: RoleKind.Admin, importedBy: null }]);
    await audit(manager, now, { actorUserId: null, action: 'listed_person.first_admin', subjectType: 'listed_person', subjectId: id, federationId: countyId });
    return { ok: true as const, listed: true, countyName: county.name };
  });
}
