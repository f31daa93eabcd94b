import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { FederationsModule } from '../federations/federations.module';
import { UsersModule } from '../users/users.module';
import { CareRemindersSweeper } from './care-reminders.sweeper';
import { ConcernsService } from './concerns.service';
import { CouncilService } from './council.service';
import { RosterRepository } from './roster.repository';
import { RosterService } from './roster.service';
import { RosterController, VoicesController } from './voices.controller';
import { VoicesRepository } from './voices.repository';

@Module({
  imports: [ActivitiesModule, FederationsModule, UsersModule],
  controllers: [VoicesController, RosterController],
  providers: [VoicesRepository, RosterRepository, ConcernsService, CouncilService, RosterService, CareRemindersSweeper],
})
export class VoicesModule {}
