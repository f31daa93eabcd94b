import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { RegionLevel } from '@wfh/shared';

/**
 * The women's federation body of one region. Its id is the region's code, so a subtree is a code
 * prefix and parent links follow from the code itself.
 */
@Entity('federation')
export class FederationEntity {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  id: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ name: 'region_name', type: 'varchar', length: 64 })
  regionName: string;

  @Column({ type: 'varchar', length: 10 })
  level: RegionLevel;

  @Index('idx_federation_parent')
  @Column({ name: 'parent_id', type: 'varchar', length: 12, nullable: true })
  parentId: string | null;

  /** Admins switch bodies off that do not work yet; re-imports never touch this. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Column({ name: 'office_hours', type: 'varchar', length: 100, nullable: true })
  officeHours: string | null;

  /** Where the body's office is, when its chair or an admin has set it; the dataset has none. */
  @Column({ type: 'double', nullable: true })
  latitude: number | null;

  @Column({ type: 'double', nullable: true })
  longitude: number | null;

  /** A synthetic location of the embedded demo; such bodies never show in production mode. */
  @Column({ name: 'location_is_demo', type: 'boolean', default: false })
  locationIsDemo: boolean;

  /** Women the body registers as reachable (its 妇女花名册); the denominator of 知晓率. */
  @Column({ name: 'registered_women', type: 'int', nullable: true })
  registeredWomen: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}
