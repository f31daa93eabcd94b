import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type Actor, type FeedbackView, type RoleInvitationView, type RoutingPreview, type RoutingRuleView } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { AdminService } from './admin.service';
import {
  FeedbackDto,
  FeedbackReplyDto,
  FeedbackViewDto,
  RevokeRoleDto,
  RoleInvitationDto,
  RoleInvitationViewDto,
  RoutingPreviewDto,
  RoutingPreviewView,
  RoutingRuleDto,
  RoutingRuleViewDto,
  SetBodyActiveDto,
  SetRegisteredWomenDto,
} from './dto';
import { FeedbackService } from './feedback.service';

@ApiTags('administration')
@ApiBearerAuth()
@Controller()
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Put(ApiPaths.federationActive)
  @HttpCode(204)
  @ApiOperation({ summary: 'Switch a township or village body on or off (its county admins; audited)' })
  setActive(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: SetBodyActiveDto): Promise<void> {
    return this.admin.setActive(actor, id, body.active);
  }

  @Put(ApiPaths.federationRegisteredWomen)
  @HttpCode(204)
  @ApiOperation({ summary: 'Women the body registers as reachable: the denominator of 知晓率 (audited)' })
  setRegisteredWomen(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: SetRegisteredWomenDto): Promise<void> {
    return this.admin.setRegisteredWomen(actor, id, body.registeredWomen);
  }

  @Post(ApiPaths.federationRoleInvitations)
  @ApiOperation({ summary: 'A one-time code for a new chair, staff member or executive (7 days)' })
  @ApiCreatedResponse({ type: RoleInvitationViewDto })
  inviteRole(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: RoleInvitationDto): Promise<RoleInvitationView> {
    return this.admin.inviteRole(actor, id, body);
  }

  @Post(ApiPaths.federationRoleRevocations)
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a role back (audited)' })
  revokeRole(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: RevokeRoleDto): Promise<void> {
    return this.admin.revokeRole(actor, id, body);
  }

  @Get(ApiPaths.roleInvitation)
  @ApiOperation({ summary: 'What an invitation code offers, before she accepts' })
  @ApiOkResponse({ type: RoleInvitationViewDto })
  roleInvitation(@Param('code') code: string): Promise<RoleInvitationView> {
    return this.admin.roleInvitation(code);
  }

  @Post(ApiPaths.roleInvitationAccept)
  @HttpCode(204)
  @ApiOperation({ summary: 'She takes up the role; the code then no longer works' })
  acceptRoleInvitation(@CurrentActor() actor: Actor | null, @Param('code') code: string): Promise<void> {
    return this.admin.acceptRoleInvitation(actor, code);
  }

  @Get(ApiPaths.countyRoutingRules)
  @ApiOperation({ summary: "The county's routing rules" })
  @ApiOkResponse({ type: RoutingRuleViewDto, isArray: true })
  rules(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<RoutingRuleView[]> {
    return this.admin.rules(actor, id);
  }

  @Post(ApiPaths.countyRoutingRules)
  @ApiOperation({ summary: 'Add or replace a rule (inside the county, no back-and-forth; audited)' })
  @ApiCreatedResponse({ type: RoutingRuleViewDto })
  createRule(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: RoutingRuleDto): Promise<RoutingRuleView> {
    return this.admin.createRule(actor, id, body);
  }

  @Delete(ApiPaths.countyRoutingRule)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a rule (audited)' })
  deleteRule(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Param('ruleId') ruleId: string): Promise<void> {
    return this.admin.deleteRule(actor, id, ruleId);
  }

  @Post(ApiPaths.countyRoutingPreview)
  @HttpCode(200)
  @ApiOperation({ summary: 'Where a request of this category from this village would go now, and why' })
  @ApiOkResponse({ type: RoutingPreviewView })
  preview(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: RoutingPreviewDto): Promise<RoutingPreview> {
    return this.admin.preview(actor, id, body);
  }
}

@ApiTags('feedback')
@ApiBearerAuth()
@Controller()
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post(ApiPaths.feedback)
  @RateLimit('feedback')
  @ApiOperation({ summary: '投诉建议 about the service; goes to the county admins' })
  @ApiCreatedResponse({ type: FeedbackViewDto })
  submit(@CurrentActor() actor: Actor | null, @Body() body: FeedbackDto): Promise<FeedbackView> {
    return this.feedback.submit(actor, body);
  }

  @Get(ApiPaths.myFeedback)
  @ApiOperation({ summary: 'Her own feedback and the answers' })
  @ApiOkResponse({ type: FeedbackViewDto, isArray: true })
  mine(@CurrentActor() actor: Actor | null): Promise<FeedbackView[]> {
    return this.feedback.mine(actor);
  }

  @Get(ApiPaths.countyFeedback)
  @ApiOperation({ summary: "The county's feedback (its admins)" })
  @ApiOkResponse({ type: FeedbackViewDto, isArray: true })
  ofCounty(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<FeedbackView[]> {
    return this.feedback.ofCounty(actor, id);
  }

  @Post(ApiPaths.feedbackReply)
  @ApiOperation({ summary: 'Answer her (audited)' })
  @ApiCreatedResponse({ type: FeedbackViewDto })
  reply(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: FeedbackReplyDto): Promise<FeedbackView> {
    return this.feedback.reply(actor, id, body.reply);
  }
}
