import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OpeningException, ServiceCategoryKey, SiteKind, WeeklyOpening } from '@wfh/shared';

/** 妇女之家, 妇女微家, 妇女小组, 维权站 …: small places that belong to one federation body. */
@Entity('site')
export class SiteEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('idx_site_federation')
  @Column({ name: 'federation_id', type: 'varchar', length: 12 })
  federationId: string;

  @Column({ type: 'varchar', length: 24 })
  kind: SiteKind;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'double' })
  latitude: number;

  @Column({ type: 'double' })
  longitude: number;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Column({ name: 'opening_hours', type: 'simple-json' })
  openingHours: WeeklyOpening[];

  /** The hours as the county's spreadsheet wrote them ("每周六上午"); null when they came from a form. */
  @Column({ name: 'opening_hours_text', type: 'varchar', length: 100, nullable: true })
  openingHoursText: string | null;

  /** One-day changes (closed for a training day, open on a holiday). Null reads as none. */
  @Column({ name: 'opening_exceptions', type: 'simple-json', nullable: true })
  openingExceptions: OpeningException[] | null;

  /** Request-catalogue category keys offered here. */
  @Column({ type: 'simple-json' })
  services: ServiceCategoryKey[];

  @Column({ name: 'chair_public_name', type: 'varchar', length: 40, nullable: true })
  chairPublicName: string | null;

  @Column({ name: 'photo_url', type: 'varchar', length: 500, nullable: true })
  photoUrl: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Synthetic sites of the embedded demo; the API says so wherever they appear. */
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}
