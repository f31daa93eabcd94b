import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { ancestorRegionCodes, type FederationDetail, type FederationSummary } from '@wfh/shared';
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
    };
  }

  async updateProfile(id: string, changes: Partial<Pick<FederationEntity, 'address' | 'phone' | 'officeHours'>>): Promise<void> {
    await this.dataSource.getRepository(FederationEntity).update({ id }, changes);
  }
}
