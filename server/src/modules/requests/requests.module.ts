import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { CountyCatalogueController } from './county-catalogue.controller';
import { CountyCatalogueService } from './county-catalogue.service';
import { EscalationSweeper } from './escalation.sweeper';
import { HandlersRepository } from './handlers.repository';
import { RequestsController } from './requests.controller';
import { RequestsRepository } from './requests.repository';
import { RequestsService } from './requests.service';

@Module({
  imports: [UsersModule],
  controllers: [RequestsController, CountyCatalogueController],
  providers: [RequestsRepository, HandlersRepository, RequestsService, CountyCatalogueService, EscalationSweeper],
  exports: [RequestsRepository, RequestsService],
})
export class RequestsModule {}
