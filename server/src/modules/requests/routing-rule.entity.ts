import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ServiceCategoryKey } from '@wfh/shared';

/** "Requests of this category from this region go to that body": the most specific prefix wins. */
@Entity('routing_rule')
@Index('idx_routing_rule_category', ['categoryKey', 'regionPrefix'])
export class RoutingRuleEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'region_prefix', type: 'varchar', length: 12 })
  regionPrefix: string;

  @Column({ name: 'category_key', type: 'varchar', length: 32 })
  categoryKey: ServiceCategoryKey;

  @Column({ name: 'target_federation_id', type: 'varchar', length: 12 })
  targetFederationId: string;

  /** How the reason names the target, e.g. 铁岭县妇联维权站. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  label: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;
}
