import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { ListedRolesController } from './listed-roles.controller';
import { ListedRolesRepository } from './listed-roles.repository';
import { ListedRolesService } from './listed-roles.service';

@Module({
  imports: [UsersModule],
  controllers: [ListedRolesController],
  providers: [ListedRolesRepository, ListedRolesService],
})
export class ListedRolesModule {}
