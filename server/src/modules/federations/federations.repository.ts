import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, Like, type DataSource, type EntityManager } from 'typeorm';
import { ancestorRegionCodes, type FederationDetail, type FederationSummary } from '@wfh/shared';
import { forUpdate } from '../../database/locking';
import { FederationEntity } from './federation.entity';

function toSummary(body: FederationEntity): FederationSummary {
  return { id: body.id, name: body.name, level: body.level, regionName: body.regionName, active: body.active };
}

@Injectable()
export class FederationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<FederationEntity | null> {
    return this.dataSource.getRepository(FederationEntity).findOneBy({ id });
  }

  /** The body with its ancestors, province first, in one query (ancestors follow from the code). */
  async detail(id: string): Promise<FederationDetail | null> {
    const ids = [...ancestorRegionCodes(id), id];
    const rows = await this.dataSource.getRepository(FederationEntity).findBy({ id: In(ids) });
    const body = rows.find((row) => row.id === id);
    if (!body) return null;
    const breadcrumb = rows.filter((row) => row.id !== id).sort((a, b) => a.id.length - b.id.length).map(toSummary);
    return {
      ...toSummary(body),
      parentId: body.parentId,
      breadcrumb,
      address: body.address,
      phone: body.phone,
      officeHours: body.officeHours,
      latitude: body.latitude,
      longitude: body.longitude,
      locationIsDemo: body.locationIsDemo,
    };
  }

  /** One UPDATE: the contact details and the location change together or not at all. Nothing to change: no statement. */
  async updateProfile(
    id: string,
    changes: Partial<Pick<FederationEntity, 'address' | 'phone' | 'officeHours' | 'latitude' | 'longitude' | 'locationIsDemo'>>,
  ): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    await this.dataSource.getRepository(FederationEntity).update({ id }, changes);
  }

  /** A body and its whole subtree (a county's bodies for its imports), in code order. */
  bodiesUnder(id: string, manager: EntityManager = this.dataSource.manager): Promise<FederationEntity[]> {
    return manager.getRepository(FederationEntity).find({ where: { id: Like(`${id}%`) }, order: { id: 'ASC' } });
  }

  /** Holds the body's row for the transaction: a county's imports commit one at a time. */
  async lockById(manager: EntityManager, id: string): Promise<FederationEntity | null> {
    return manager.getRepository(FederationEntity).findOne({ where: { id }, ...forUpdate(manager) });
  }

  /** What a county's bodies import sets: contact details, the office location (real, not demo), registered women. */
  async updateImportedProfile(
    manager: EntityManager,
    id: string,
    changes: Partial<Pick<FederationEntity, 'address' | 'phone' | 'officeHours' | 'latitude' | 'longitude' | 'locationIsDemo' | 'registeredWomen'>>,
  ): Promise<void> {
    await manager.getRepository(FederationEntity).update({ id }, changes);
  }
}
