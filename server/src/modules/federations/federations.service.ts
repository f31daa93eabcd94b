import { Injectable } from '@nestjs/common';
import { ErrorCode, Permission, isInsideChina, type Actor, type BodyMember, type FederationDetail, type FieldError } from '@wfh/shared';
import { requirePermission } from '../../common/auth/access';
import { badRequest, notFound } from '../../common/errors/app-exception';
import { PlacesIndex } from '../places/places-index';
import { RolesRepository } from '../roles/roles.repository';
import type { UpdateFederationProfileDto } from './dto';
import type { FederationEntity } from './federation.entity';
import { FederationsRepository } from './federations.repository';

type ProfileChanges = Partial<Pick<FederationEntity, 'address' | 'phone' | 'officeHours' | 'latitude' | 'longitude' | 'locationIsDemo'>>;

/**
 * The office location as the edit gives it: both halves or neither, inside China. A location set by
 * a person is real, so it is no longer the demo's; clearing it leaves nothing to call demo either.
 */
function locationChanges(latitude: number | null | undefined, longitude: number | null | undefined): ProfileChanges | FieldError[] {
  if (latitude === undefined && longitude === undefined) return {};
  if (latitude === undefined || longitude === undefined || (latitude === null) !== (longitude === null)) {
    const missing = latitude === undefined || latitude === null ? 'latitude' : 'longitude';
    return [{ field: missing, message: '纬度和经度要一起设定，或者一起清除' }];
  }
  if (latitude !== null && longitude !== null && !isInsideChina(latitude, longitude)) {
    return [{ field: 'latitude', message: '这个位置不在中国境内，请点「我就在这里」或在地图上重新选' }];
  }
  return { latitude, longitude, locationIsDemo: false };
}

@Injectable()
export class FederationsService {
  constructor(
    private readonly federations: FederationsRepository,
    private readonly roles: RolesRepository,
    private readonly places: PlacesIndex,
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
    const { latitude, longitude, ...contact } = changes;
    const location = locationChanges(latitude, longitude);
    if (Array.isArray(location)) throw badRequest(ErrorCode.ValidationFailed, location);
    // Fields left out stay as they are (a DTO may carry them as undefined).
    const update = Object.fromEntries(Object.entries({ ...contact, ...location }).filter(([, value]) => value !== undefined)) as ProfileChanges;
    if (Object.keys(update).length === 0) return this.detail(id);
    await this.federations.updateProfile(id, update);
    // Nearest shows a body's address, phone and location: after the commit, every instance re-reads it.
    await this.places.announce({ type: 'body', id });
    return this.detail(id);
  }

  async members(actor: Actor | null, id: string): Promise<BodyMember[]> {
    await this.detail(id);
    requirePermission(actor, Permission.ViewBodyWork, id);
    return this.roles.membersOf(id);
  }
}
