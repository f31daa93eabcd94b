import { Injectable } from '@nestjs/common';
import { ErrorCode, Permission, type Actor, type BodyMember, type FederationDetail } from '@wfh/shared';
import { requirePermission } from '../../common/auth/access';
import { notFound } from '../../common/errors/app-exception';
import { RolesRepository } from '../roles/roles.repository';
import type { UpdateFederationProfileDto } from './dto';
import { FederationsRepository } from './federations.repository';

@Injectable()
export class FederationsService {
  constructor(
    private readonly federations: FederationsRepository,
    private readonly roles: RolesRepository,
  ) {}

  /** Public: every woman may find any body, its parents and how to reach it. */
  async detail(id: string): Promise<FederationDetail> {
    const detail = await this.federations.detail(id);
    if (!detail) throw notFound(ErrorCode.FederationNotFound);
    return detail;
  }

  async updateProfile(actor: Actor | null, id: string, changes: UpdateFederationProfileDto): Promise<FederationDetail> {
    await this.detail(id);
    requirePermission(actor, Permission.EditBodyProfile, id);
    await this.federations.updateProfile(id, changes);
    return this.detail(id);
  }

  async members(actor: Actor | null, id: string): Promise<BodyMember[]> {
    await this.detail(id);
    requirePermission(actor, Permission.ViewBodyWork, id);
    return this.roles.membersOf(id);
  }
}
