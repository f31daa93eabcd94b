import { Injectable } from '@nestjs/common';
import { checkNickname, ErrorCode, RegionLevel, type Actor, type MeResponse } from '@wfh/shared';
import { requireActor } from '../../common/auth/access';
import { badRequest, conflict, notFound, unauthorized } from '../../common/errors/app-exception';
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

  /**
   * She sets the name others see her by (WeChat's nickname input or typed), or clears it (null).
   * A listed person keeps the county's name: it is how her body's women and staff know her.
   */
  async setName(actor: Actor | null, name: string | null): Promise<MeResponse> {
    const { userId } = requireActor(actor);
    // The form has checked it already; checked again here for the trimmed name and for any other caller.
    const check = name === null ? null : checkNickname(name);
    if (check && !check.ok) throw badRequest(ErrorCode.ValidationFailed, [{ field: 'name', message: check.message }]);
    const outcome = await this.users.setOwnName(userId, check ? check.nickname : null);
    if (outcome === 'gone') throw unauthorized(ErrorCode.TokenInvalid);
    if (outcome === 'listed') throw conflict(ErrorCode.NameIsListed);
    return this.me(actor);
  }
}
