import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A chair away for a while, and who stands in: during it, requests route to the deputy. */
@Entity('chair_absence')
@Index('idx_chair_absence_body', ['federationId', 'awayUntil'])
export class ChairAbsenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'federation_id', type: 'varchar', length: 12 })
  federationId: string;

  @Column({ name: 'chair_user_id', type: 'varchar', length: 36 })
  chairUserId: string;

  @Column({ name: 'deputy_user_id', type: 'varchar', length: 36, nullable: true })
  deputyUserId: string | null;

  @Column({ name: 'away_from', type: 'datetime', precision: 6 })
  awayFrom: Date;

  @Column({ name: 'away_until', type: 'datetime', precision: 6 })
  awayUntil: Date;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;
}
