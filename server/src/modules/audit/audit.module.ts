import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ensureAuditChainHead } from './audit-chain';
import { AuditRetentionSweeper } from './audit-retention.sweeper';

@Module({ providers: [AuditRetentionSweeper] })
export class AuditModule implements OnApplicationBootstrap {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureAuditChainHead(this.dataSource.manager);
  }
}
