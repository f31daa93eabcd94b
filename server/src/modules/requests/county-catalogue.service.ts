import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  Permission,
  RegionLevel,
  regionLevelOf,
  type Actor,
  type ServiceCategory,
  type ServiceCategoryKey,
  type UpdateCategorySettingRequest,
} from '@wfh/shared';
import { requirePermission } from '../../common/auth/access';
import { badRequest, notFound } from '../../common/errors/app-exception';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { audit } from '../audit/audit';
import { CategorySettingEntity } from './category-setting.entity';
import { RequestsRepository } from './requests.repository';

/** County admins set, for their county, who handles each category and how fast. */
@Injectable()
export class CountyCatalogueService {
  constructor(
    private readonly requests: RequestsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private requireCountyAdmin(actor: Actor | null, countyId: string): Actor {
    if (regionLevelOf(countyId) !== RegionLevel.County) {
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'id', message: '请求类别的设置按县（区）进行' }]);
    }
    return requirePermission(actor, Permission.ManageCatalogue, countyId);
  }

  async list(actor: Actor | null, countyId: string): Promise<ServiceCategory[]> {
    this.requireCountyAdmin(actor, countyId);
    const categories = await this.requests.categories();
    const effective = await Promise.all(categories.map((c) => this.requests.effectiveCategory(c.key, countyId)));
    return effective.map((category) => {
      const { sortOrder: _, ...rest } = category!;
      return rest;
    });
  }

  async update(actor: Actor | null, countyId: string, key: ServiceCategoryKey, changes: UpdateCategorySettingRequest): Promise<ServiceCategory[]> {
    const { userId } = this.requireCountyAdmin(actor, countyId);
    const current = await this.requests.effectiveCategory(key, countyId);
    if (!current) throw notFound(ErrorCode.CategoryNotFound);
    const next = {
      handlingLevel: changes.handlingLevel ?? current.handlingLevel,
      firstResponseHours: changes.firstResponseHours ?? current.firstResponseHours,
      resolutionHours: changes.resolutionHours ?? current.resolutionHours,
    };
    if (next.resolutionHours < next.firstResponseHours) {
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'resolutionHours', message: '办结时限不能短于首次答复时限' }]);
    }
    await this.requests.transaction(async (manager) => {
      await manager.getRepository(CategorySettingEntity).save({ countyId, categoryKey: key, ...next, updatedBy: userId });
      await audit(manager, this.clock.now(), { actorUserId: userId, action: 'catalogue.update', subjectType: 'category_setting', subjectId: key, federationId: countyId });
    });
    return this.list(actor, countyId);
  }
}
