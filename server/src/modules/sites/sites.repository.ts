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
    services: site.services,
    chairPublicName: site.chairPublicName,
    photoUrl: site.photoUrl,
    isDemo: site.isDemo,
  };
}

@Injectable()
export class SitesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async activeSitesOf(federationId: string): Promise<SiteSummary[]> {
    const rows = await this.dataSource
      .getRepository(SiteEntity)
      .find({ where: { federationId, active: true }, order: { name: 'ASC', id: 'ASC' } });
    return rows.map(toSiteSummary);
  }
}
