import { Module } from '@nestjs/common';
import { FederationsModule } from '../federations/federations.module';
import { UsersModule } from '../users/users.module';
import { NoticesController } from './notices.controller';
import { NoticesRepository } from './notices.repository';
import { NoticesService } from './notices.service';

@Module({
  imports: [FederationsModule, UsersModule],
  controllers: [NoticesController],
  providers: [NoticesRepository, NoticesService],
})
export class NoticesModule {}
