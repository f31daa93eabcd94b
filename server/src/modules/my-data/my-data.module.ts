import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { RequestsModule } from '../requests/requests.module';
import { UsersModule } from '../users/users.module';
import { DataDeletionService } from './data-deletion.service';
import { MyDataController } from './my-data.controller';
import { MyDataRepository } from './my-data.repository';
import { MyDataService } from './my-data.service';

/** 个人信息保护法 第四十五条 and 第四十七条: she may copy her data, and have it deleted. */
@Module({
  imports: [ActivitiesModule, RequestsModule, UsersModule],
  controllers: [MyDataController],
  providers: [MyDataRepository, MyDataService, DataDeletionService],
})
export class MyDataModule {}
