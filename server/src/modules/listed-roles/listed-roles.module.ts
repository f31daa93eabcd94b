import { Module } from '@nestjs/common';
import { OnboardingModule } from '../onboarding/onboarding.module';
import { UsersModule } from '../users/users.module';
import { ListedRolesController } from './listed-roles.controller';
import { ListedRolesService } from './listed-roles.service';

@Module({
  imports: [UsersModule, OnboardingModule],
  controllers: [ListedRolesController],
  providers: [ListedRolesService],
})
export class ListedRolesModule {}
