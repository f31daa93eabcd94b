import { Module } from '@nestjs/common';
import { FederationsModule } from '../federations/federations.module';
import { MeController } from './me.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [FederationsModule],
  controllers: [MeController],
  providers: [UsersRepository, UsersService],
  exports: [UsersRepository, UsersService],
})
export class UsersModule {}
