import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SiteSummary } from '@wfh/shared';
import { SiteEntity } from './site.entity';

export function toSiteSummary(site: SiteEntity): SiteSummary {
  return {
    id: site.id,
    federationId: site.federationId,
    kind: site.kind,
    name: site.name,
    address: site.address,
    latitude: site.latitude,
    longitude: site.longitude,
    phone: site.phone,
    openingHours: site.openingHours,
    openingExceptions: site.openingExceptions ?? [],
    services: site.services,
    chairPublicName: site.chairPublicName,
    photoUrl: site.photoUrl,
    active: site.active,
    isDemo: site.isDemo,
  };
}

@Injectable()
export class SitesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async visibleSitesOf(federationId: string, includeDemo: boolean): Promise<SiteSummary[]> {
    const rows = await this.dataSource.getRepository(SiteEntity).find({
      where: { federationId, active: true, ...(includeDemo ? {} : { isDemo: false }) },
      order: { name: 'ASC', id: 'ASC' },
    });
    return rows.map(toSiteSummary);
  }

  findById(id: string): Promise<SiteEntity | null> {
    return this.dataSource.getRepository(SiteEntity).findOneBy({ id });
  }

  async insert(site: SiteEntity): Promise<void> {
    await this.dataSource.getRepository(SiteEntity).insert(site);
  }

  async update(id: string, changes: Partial<SiteEntity>): Promise<void> {
    await this.dataSource.getRepository(SiteEntity).update({ id }, changes);
  }
}
