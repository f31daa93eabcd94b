import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module';
import { FederationsController } from './federations.controller';
import { FederationsRepository } from './federations.repository';
import { FederationsService } from './federations.service';

@Module({
  imports: [SitesModule],
  controllers: [FederationsController],
  providers: [FederationsRepository, FederationsService],
  exports: [FederationsRepository],
})
export class FederationsModule {}
