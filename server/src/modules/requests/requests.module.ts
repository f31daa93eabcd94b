import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { EscalationSweeper } from './escalation.sweeper';
import { HandlersRepository } from './handlers.repository';
import { RequestsController } from './requests.controller';
import { RequestsRepository } from './requests.repository';
import { RequestsService } from './requests.service';

@Module({
  imports: [UsersModule],
  controllers: [RequestsController],
  providers: [RequestsRepository, HandlersRepository, RequestsService, EscalationSweeper],
})
export class RequestsModule {}
