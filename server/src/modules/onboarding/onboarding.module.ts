import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { FederationsModule } from '../federations/federations.module';
import { SitesModule } from '../sites/sites.module';
import { ImportProgressStore } from './import-progress';
import { ImportRunsRepository } from './import-runs.repository';
import { ListedPeopleRepository } from './listed-people.repository';
import { OnboardingController } from './onboarding.controller';
import { OnboardingService } from './onboarding.service';
import { registerUploadParser } from './upload-parser';

/** Imports from a county's spreadsheets, their templates and exports; the listed people for sign-in by phone. */
@Module({
  imports: [FederationsModule, SitesModule],
  controllers: [OnboardingController],
  providers: [OnboardingService, ListedPeopleRepository, ImportRunsRepository, ImportProgressStore],
  exports: [ListedPeopleRepository],
})
export class OnboardingModule implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  onModuleInit(): void {
    registerUploadParser(this.adapter.httpAdapter.getInstance<FastifyInstance>());
  }
}
