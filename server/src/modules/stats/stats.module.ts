import { Module } from '@nestjs/common';
import { FederationsModule } from '../federations/federations.module';
import { RequestsModule } from '../requests/requests.module';
import { StatsController } from './stats.controller';
import { StatsRollupRepository } from './stats-rollup.repository';
import { StatsRollupSweeper, StatsRollups } from './stats-rollups';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';

@Module({
  imports: [FederationsModule, RequestsModule],
  controllers: [StatsController],
  providers: [StatsRepository, StatsService, StatsRollupRepository, StatsRollups, StatsRollupSweeper],
  exports: [StatsRollups],
})
export class StatsModule {}
