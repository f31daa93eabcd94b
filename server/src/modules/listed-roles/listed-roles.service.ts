import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCode, type Actor, type MeResponse } from '@wfh/shared';
import { requireActor } from '../../common/auth/access';
import { AppException } from '../../common/errors/app-exception';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { normalisePhone, PhoneDigest } from '../../infra/crypto/phone-digest';
import { WechatClient } from '../../infra/wechat/wechat.client';
import { audit } from '../audit/audit';
import { ListedPeopleRepository } from '../onboarding/listed-people.repository';
import { RolesRepository } from '../roles/roles.repository';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';

/**
 * A person the county listed (people import) shares her WeChat phone number and holds her listed
 * roles at once, under her listed name: no invitation code to pass around for hundreds of chairs.
 * WeChat vouches for the number (the code is exchanged server-side, never a number the phone sends).
 */
@Injectable()
export class ListedRolesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly wechat: WechatClient,
    private readonly phoneDigest: PhoneDigest,
    private readonly listings: ListedPeopleRepository,
    private readonly roles: RolesRepository,
    private readonly users: UsersRepository,
    private readonly me: UsersService,
  ) {}

  async claim(actor: Actor | null, code: string): Promise<MeResponse> {
    const { userId } = requireActor(actor);
    const shared = await this.wechat.phoneNumber(code);
    const phone = shared.countryCode === '86' ? normalisePhone(shared.purePhoneNumber) : null;
    if (!phone?.ok) throw new AppException(HttpStatus.FORBIDDEN, ErrorCode.PhoneNotListed);
    const digest = this.phoneDigest.ofNormalised(phone.phone);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const listed = await this.listings.lockByPhoneDigest(manager, digest);
      if (listed.length === 0) throw new AppException(HttpStatus.FORBIDDEN, ErrorCode.PhoneNotListed);
      // One number, two names: the county must say whose it is before anyone holds either's roles.
      if (new Set(listed.map((listing) => listing.name)).size > 1) throw new AppException(HttpStatus.CONFLICT, ErrorCode.PhoneListedTwice);
      for (const listing of listed) {
        const granted = await this.roles.grantOnce(manager, { userId, role: listing.role, federationId: listing.federationId, grantedBy: listing.importedBy });
        if (granted) {
          await audit(manager, now, { actorUserId: userId, action: 'role.grant_by_phone', subjectType: 'role_assignment', subjectId: granted, federationId: listing.federationId });
        }
      }
      await this.users.setListedName(manager, userId, listed[0].name);
    });
    return this.me.me(actor);
  }
}
