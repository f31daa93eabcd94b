import { Injectable } from '@nestjs/common';
import { ErrorCode, RegionLevel, type Actor, type MeResponse } from '@wfh/shared';
import { requireActor } from '../../common/auth/access';
import { badRequest, notFound, unauthorized } from '../../common/errors/app-exception';
import { FederationsRepository } from '../federations/federations.repository';
import { RolesRepository } from '../roles/roles.repository';
import { toProfile, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly roles: RolesRepository,
    private readonly federations: FederationsRepository,
  ) {}

  async me(actor: Actor | null): Promise<MeResponse> {
    const { userId } = requireActor(actor);
    const user = await this.users.findById(userId);
    // A token of a person who no longer exists (data deleted) must not keep working.
    if (!user) throw unauthorized(ErrorCode.TokenInvalid);
    const [roles, home] = await Promise.all([
      this.roles.activeGrantViewsOf(userId),
      user.homeFederationId ? this.federations.detail(user.homeFederationId) : Promise.resolve(null),
    ]);
    return { user: toProfile(user), roles, home };
  }

  /** She confirms her village or community; routing and her home page use it from then on. */
  async setHome(actor: Actor | null, federationId: string): Promise<MeResponse> {
    const { userId } = requireActor(actor);
    const body = await this.federations.findById(federationId);
    if (!body) throw notFound(ErrorCode.FederationNotFound);
    if (body.level !== RegionLevel.Village) {
      throw badRequest(ErrorCode.HomeMustBeVillage, [{ field: 'federationId', message: '请选择村或社区一级的妇联组织' }]);
    }
    if (!body.active) throw badRequest(ErrorCode.FederationInactive, [{ field: 'federationId', message: '这个妇联组织暂未开通' }]);
    await this.users.setHome(userId, federationId);
    return this.me(actor);
  }
}
