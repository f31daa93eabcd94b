import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The one-time subscribe messages she allowed and the server has not used yet, per kind of message.
 * Each 「允许」 in WeChat's dialog adds one; each send takes one; WeChat refuses a send without one (43101).
 */
@Entity('subscription_grant')
export class SubscriptionGrantEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  kind: string;

  @Column({ type: 'int', default: 0 })
  remaining: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}
