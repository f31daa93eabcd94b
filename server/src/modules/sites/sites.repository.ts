import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Like, type DataSource, type EntityManager } from 'typeorm';
import type { SiteSummary } from '@wfh/shared';
import { SiteEntity } from './site.entity';

/** Rows per INSERT: 18 columns a row stays well under SQLite's limit of bound variables (32766). */
const SITE_BATCH = 500;

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

  /** Switched-off sites too (after the active ones); demo sites only where the demo is shown. */
  async sitesOf(federationId: string, includeDemo: boolean): Promise<SiteSummary[]> {
    const rows = await this.dataSource.getRepository(SiteEntity).find({
      where: { federationId, ...(includeDemo ? {} : { isDemo: false }) },
      order: { active: 'DESC', name: 'ASC', id: 'ASC' },
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

  /** Every site of a body's subtree, switched off or not (a county's import and export). */
  sitesUnder(federationId: string, manager: EntityManager = this.dataSource.manager): Promise<SiteEntity[]> {
    return manager.getRepository(SiteEntity).find({ where: { federationId: Like(`${federationId}%`), isDemo: false }, order: { id: 'ASC' } });
  }

  /** Many new sites in the caller's transaction, a few hundred rows per statement. */
  async insertMany(manager: EntityManager, sites: SiteEntity[]): Promise<void> {
    for (let i = 0; i < sites.length; i += SITE_BATCH) {
      await manager.createQueryBuilder().insert().into(SiteEntity).values(sites.slice(i, i + SITE_BATCH)).updateEntity(false).execute();
    }
  }

  async updateIn(manager: EntityManager, id: string, changes: Partial<SiteEntity>): Promise<void> {
    await manager.getRepository(SiteEntity).update({ id }, changes);
  }
}
