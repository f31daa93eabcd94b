import { Module } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { FederationsModule } from '../federations/federations.module';
import { SitesModule } from '../sites/sites.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesRepository } from './activities.repository';
import { ActivitiesService } from './activities.service';
import { CheckInCodes } from './check-in-codes';
import { SignupViews } from './signup-views';
import { SignupsService } from './signups.service';

@Module({
  imports: [FederationsModule, SitesModule],
  controllers: [ActivitiesController],
  providers: [
    ActivitiesRepository,
    ActivitiesService,
    SignupsService,
    SignupViews,
    { provide: CheckInCodes, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new CheckInCodes(config.auth.jwtSecret) },
  ],
  exports: [ActivitiesRepository, SignupsService, SignupViews],
})
export class ActivitiesModule {}
