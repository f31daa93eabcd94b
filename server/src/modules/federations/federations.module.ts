import { Module } from '@nestjs/common';
import { FederationsController } from './federations.controller';
import { FederationsRepository } from './federations.repository';
import { FederationsService } from './federations.service';

@Module({
  controllers: [FederationsController],
  providers: [FederationsRepository, FederationsService],
  exports: [FederationsRepository],
})
export class FederationsModule {}
