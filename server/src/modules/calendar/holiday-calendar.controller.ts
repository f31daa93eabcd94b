import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type Actor, type HolidayCoverage, type HolidayYear } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { HolidayCoverageView, HolidayYearView, SetHolidayYearDto } from './dto';
import { HolidayCalendarService } from './holiday-calendar.service';

@ApiTags('holiday calendar')
@ApiBearerAuth()
@Controller()
export class HolidayCalendarController {
  constructor(private readonly holidays: HolidayCalendarService) {}

  @Get(ApiPaths.holidayCoverage)
  @ApiOperation({ summary: 'Whether the holiday calendar covers this year and next, and from where (county admins)' })
  @ApiOkResponse({ type: HolidayCoverageView })
  coverage(@CurrentActor() actor: Actor | null): HolidayCoverage {
    return this.holidays.coverage(actor);
  }

  @Get(ApiPaths.holidayYear)
  @ApiOperation({ summary: "A year's entered holidays and 调休 workdays (county admins)" })
  @ApiOkResponse({ type: HolidayYearView })
  year(@CurrentActor() actor: Actor | null, @Param('year') year: string): Promise<HolidayYear> {
    return this.holidays.year(actor, year);
  }

  @Put(ApiPaths.holidayYear)
  @ApiOperation({ summary: "Replace this or next year's entered holidays and 调休 workdays; the deadline clock uses them (county admins; audited)" })
  @ApiOkResponse({ type: HolidayYearView })
  setYear(@CurrentActor() actor: Actor | null, @Param('year') year: string, @Body() body: SetHolidayYearDto): Promise<HolidayYear> {
    return this.holidays.setYear(actor, year, body);
  }
}
