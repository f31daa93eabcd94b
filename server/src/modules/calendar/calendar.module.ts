import { Module } from '@nestjs/common';
import { ChinaCalendar, chinaCalendar } from '../../infra/clock/china-calendar';
import { HolidayCalendarController } from './holiday-calendar.controller';
import { HolidayCalendarRepository } from './holiday-calendar.repository';
import { HolidayCalendarService } from './holiday-calendar.service';
import { HolidayCalendarSync } from './holiday-calendar.sync';

/** The holiday calendar: the process's ChinaCalendar, the entries county admins make, and their upkeep. */
@Module({
  controllers: [HolidayCalendarController],
  providers: [{ provide: ChinaCalendar, useValue: chinaCalendar }, HolidayCalendarRepository, HolidayCalendarSync, HolidayCalendarService],
  exports: [HolidayCalendarSync],
})
export class CalendarModule {}
