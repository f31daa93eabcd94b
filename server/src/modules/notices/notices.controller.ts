import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type Actor, type ManagedNotice, type NoticeReach, type NoticeSummary, type NoticeView } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { Public } from '../../common/auth/public.decorator';
import { ManagedNoticeView, NoticeInputDto, NoticePublishDto, NoticeReachView, NoticeSummaryView, NoticeUpdateDto, NoticeViewDto } from './dto';
import { NoticesService } from './notices.service';

@ApiTags('notices')
@ApiBearerAuth()
@Controller()
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get(ApiPaths.myNotices)
  @ApiOperation({ summary: 'Notices of her village and of the bodies above it that are out, newest first, unread marked' })
  @ApiOkResponse({ type: NoticeSummaryView, isArray: true })
  mine(@CurrentActor() actor: Actor | null): Promise<NoticeSummary[]> {
    return this.notices.mine(actor);
  }

  @Get(ApiPaths.federationNotices)
  @ApiOperation({ summary: "A body's notices in every state, with how many women opened each (its managers)" })
  @ApiOkResponse({ type: ManagedNoticeView, isArray: true })
  ofBody(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<ManagedNotice[]> {
    return this.notices.ofBody(actor, id);
  }

  @Post(ApiPaths.federationNotices)
  @ApiOperation({ summary: 'A new draft; the body is sanitised once, here' })
  @ApiCreatedResponse({ type: NoticeViewDto })
  create(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: NoticeInputDto): Promise<NoticeView> {
    return this.notices.create(actor, id, body);
  }

  @Public()
  @Get(ApiPaths.notice)
  @ApiOperation({ summary: 'A notice that is out, to anyone (a shared card opens it); drafts to managers only. Opening it counts towards reach' })
  @ApiOkResponse({ type: NoticeViewDto })
  detail(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<NoticeView> {
    return this.notices.detail(actor, id);
  }

  @Patch(ApiPaths.notice)
  @ApiOperation({ summary: 'Change a draft or a scheduled notice' })
  @ApiOkResponse({ type: NoticeViewDto })
  update(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: NoticeUpdateDto): Promise<NoticeView> {
    return this.notices.update(actor, id, body);
  }

  @Post(ApiPaths.noticePublish)
  @ApiOperation({ summary: 'Publish now, or schedule for publishAt' })
  @ApiCreatedResponse({ type: NoticeViewDto })
  publish(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: NoticePublishDto): Promise<NoticeView> {
    return this.notices.publish(actor, id, body);
  }

  @Post(ApiPaths.noticeWithdraw)
  @ApiOperation({ summary: 'Withdraw: out of every list at once' })
  @ApiCreatedResponse({ type: NoticeViewDto })
  withdraw(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<NoticeView> {
    return this.notices.withdraw(actor, id);
  }

  @Get(ApiPaths.noticeReach)
  @ApiOperation({ summary: 'Women who opened it per body under the publisher, against registered women: counts, never who' })
  @ApiOkResponse({ type: NoticeReachView })
  reach(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<NoticeReach> {
    return this.notices.reach(actor, id);
  }
}
