import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type Actor, type FailedMessageView, type SmsPreference } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { FailedMessageViewDto, SmsPreferenceDto, SmsPreferenceView } from './sms.dto';
import { SmsService } from './sms.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller()
export class SmsController {
  constructor(private readonly sms: SmsService) {}

  @Get(ApiPaths.mySms)
  @ApiOperation({ summary: 'Whether she takes text messages when WeChat cannot reach her (yes unless she said 不要短信)' })
  @ApiOkResponse({ type: SmsPreferenceView })
  mine(@CurrentActor() actor: Actor | null): Promise<SmsPreference> {
    return this.sms.mine(actor);
  }

  @Put(ApiPaths.mySms)
  @ApiOperation({ summary: '不要短信 (or texts again): no text is sent to her, and the county sees why' })
  @ApiOkResponse({ type: SmsPreferenceView })
  setMine(@CurrentActor() actor: Actor | null, @Body() body: SmsPreferenceDto): Promise<SmsPreference> {
    return this.sms.setMine(actor, body.enabled);
  }

  @Put(ApiPaths.requestWomanSms)
  @ApiTags('requests')
  @ApiOperation({ summary: "不要短信 for a woman recorded by phone, by her village's chair or deputy on the request recorded for her" })
  @ApiOkResponse({ type: SmsPreferenceView })
  setForRecorded(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: SmsPreferenceDto): Promise<SmsPreference> {
    return this.sms.setForRecorded(actor, id, body.enabled);
  }

  @Get(ApiPaths.countyFailedMessages)
  @ApiTags('administration')
  @ApiOperation({ summary: "The county's messages of the last 30 days that reached nobody, with the reason (its admins); phones masked" })
  @ApiOkResponse({ type: FailedMessageViewDto, isArray: true })
  failed(@CurrentActor() actor: Actor | null, @Param('countyId') countyId: string): Promise<FailedMessageView[]> {
    return this.sms.failedOfCounty(actor, countyId);
  }
}
