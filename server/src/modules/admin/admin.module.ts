import { Module } from '@nestjs/common';
import { PlacesModule } from '../places/places.module';
import { RequestsModule } from '../requests/requests.module';
import { AdminController, FeedbackController } from './admin.controller';
import { AdminService } from './admin.service';
import { FeedbackService } from './feedback.service';

@Module({
  imports: [RequestsModule, PlacesModule],
  controllers: [AdminController, FeedbackController],
  providers: [AdminService, FeedbackService],
})
export class AdminModule {}
