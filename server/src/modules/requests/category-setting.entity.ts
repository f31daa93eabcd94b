import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RegionLevel, ServiceCategoryKey } from '@wfh/shared';

/** A county's own handling level and deadlines for one category, over the national catalogue. */
@Entity('category_setting')
export class CategorySettingEntity {
  @PrimaryColumn({ name: 'county_id', type: 'varchar', length: 12 })
  countyId: string;

  @PrimaryColumn({ name: 'category_key', type: 'varchar', length: 32 })
  categoryKey: ServiceCategoryKey;

  @Column({ name: 'handling_level', type: 'varchar', length: 10 })
  handlingLevel: RegionLevel;

  @Column({ name: 'first_response_hours', type: 'double' })
  firstResponseHours: number;

  @Column({ name: 'resolution_hours', type: 'double' })
  resolutionHours: number;

  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}
