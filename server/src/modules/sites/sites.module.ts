import { Module } from '@nestjs/common';
import { FederationsModule } from '../federations/federations.module';
import { SitesController } from './sites.controller';
import { SitesRepository } from './sites.repository';
import { SitesService } from './sites.service';

@Module({
  imports: [FederationsModule],
  controllers: [SitesController],
  providers: [SitesRepository, SitesService],
  exports: [SitesRepository],
})
export class SitesModule {}
