import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CategoryQuestion, RegionLevel, ServiceCategoryKey } from '@wfh/shared';

/** The request catalogue: what a woman can ask for, who handles it, and how fast. */
@Entity('service_category')
export class ServiceCategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  key: ServiceCategoryKey;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'varchar', length: 300 })
  description: string;

  @Column({ type: 'boolean', default: false })
  sensitive: boolean;

  @Column({ name: 'handling_level', type: 'varchar', length: 10 })
  handlingLevel: RegionLevel;

  @Column({ name: 'first_response_hours', type: 'double' })
  firstResponseHours: number;

  @Column({ name: 'resolution_hours', type: 'double' })
  resolutionHours: number;

  @Column({ type: 'simple-json' })
  questions: CategoryQuestion[];

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;
}
