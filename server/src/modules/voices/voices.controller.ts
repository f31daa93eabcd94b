import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiPaths,
  type Actor,
  type ConcernDetail,
  type ConcernSummary,
  type CouncilMeetingView,
  type RosterEntryDetail,
  type RosterEntryView,
  type RosterInvitationView,
  type VoicesBoard,
} from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { Public } from '../../common/auth/public.decorator';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { ConcernsService } from './concerns.service';
import { CouncilService } from './council.service';
import {
  ConcernDetailView,
  ConcernInputDto,
  ConcernSummaryView,
  ConcernUpdateDto,
  ContactLogDto,
  CouncilAgendaDto,
  CouncilMeetingViewDto,
  CouncilMinutesDto,
  DeclineConcernDto,
  MergeConcernDto,
  RosterEntryDetailView,
  RosterEntryDto,
  RosterEntryUpdateDto,
  RosterEntryViewDto,
  RosterInvitationViewDto,
  VoicesBoardView,
} from './dto';
import { RosterService } from './roster.service';

@ApiTags('voices')
@ApiBearerAuth()
@Controller()
export class VoicesController {
  constructor(
    private readonly concerns: ConcernsService,
    private readonly council: CouncilService,
  ) {}

  @Public()
  @Get(ApiPaths.federationVoices)
  @ApiOperation({ summary: '工作公开: the concerns, council meetings and answers of a body; no names unless chosen' })
  @ApiOkResponse({ type: VoicesBoardView })
  board(@Param('id') id: string): Promise<VoicesBoard> {
    return this.council.board(id);
  }

  @Public()
  @Get(ApiPaths.federationConcerns)
  @ApiOperation({ summary: "A body's concerns; its moderators also see pending and declined ones" })
  @ApiOkResponse({ type: ConcernSummaryView, isArray: true })
  ofBody(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<ConcernSummary[]> {
    return this.concerns.ofBody(actor, id);
  }

  @Post(ApiPaths.federationConcerns)
  @RateLimit('raiseConcern')
  @ApiOperation({ summary: 'She raises a concern about her own village or community (not a personal case)' })
  @ApiCreatedResponse({ type: ConcernDetailView })
  raise(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: ConcernInputDto): Promise<ConcernDetail> {
    return this.concerns.raise(actor, id, body);
  }

  @Get(ApiPaths.myConcerns)
  @ApiOperation({ summary: 'The concerns she raised, declined ones with the reason' })
  @ApiOkResponse({ type: ConcernSummaryView, isArray: true })
  mine(@CurrentActor() actor: Actor | null): Promise<ConcernSummary[]> {
    return this.concerns.mine(actor);
  }

  @Public()
  @Get(ApiPaths.concern)
  @ApiOperation({ summary: 'A concern with its answers (pending and declined: author and moderators only, 404 otherwise)' })
  @ApiOkResponse({ type: ConcernDetailView })
  detail(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<ConcernDetail> {
    return this.concerns.detail(actor, id);
  }

  @Post(ApiPaths.concernCosign)
  @ApiOperation({ summary: 'Co-sign, once, as a woman of the same village or community' })
  @ApiCreatedResponse({ type: ConcernDetailView })
  cosign(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<ConcernDetail> {
    return this.concerns.cosign(actor, id);
  }

  @Delete(ApiPaths.concernCosign)
  @ApiOperation({ summary: 'Withdraw her co-signature' })
  @ApiOkResponse({ type: ConcernDetailView })
  withdrawCosign(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<ConcernDetail> {
    return this.concerns.withdrawCosign(actor, id);
  }

  @Post(ApiPaths.concernPublish)
  @ApiOperation({ summary: 'The chair publishes a pending concern' })
  @ApiCreatedResponse({ type: ConcernDetailView })
  publish(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<ConcernDetail> {
    return this.concerns.publish(actor, id);
  }

  @Post(ApiPaths.concernDecline)
  @ApiOperation({ summary: 'The chair declines it, with a reason shown to the author' })
  @ApiCreatedResponse({ type: ConcernDetailView })
  decline(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: DeclineConcernDto): Promise<ConcernDetail> {
    return this.concerns.decline(actor, id, body.reason);
  }

  @Post(ApiPaths.concernMerge)
  @ApiOperation({ summary: 'Merge a duplicate into another concern; its supporters co-sign that one' })
  @ApiCreatedResponse({ type: ConcernDetailView })
  merge(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: MergeConcernDto): Promise<ConcernDetail> {
    return this.concerns.merge(actor, id, body.intoConcernId);
  }

  @Post(ApiPaths.concernUpdates)
  @ApiOperation({ summary: "The council's answer or a later step; author and co-signers are told" })
  @ApiCreatedResponse({ type: ConcernDetailView })
  addUpdate(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: ConcernUpdateDto): Promise<ConcernDetail> {
    return this.concerns.addUpdate(actor, id, body);
  }

  @Public()
  @Get(ApiPaths.councilAgenda)
  @ApiOperation({ summary: 'A council meeting with its agenda and minutes' })
  @ApiOkResponse({ type: CouncilMeetingViewDto })
  meeting(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<CouncilMeetingView> {
    return this.council.meeting(actor, id);
  }

  @Put(ApiPaths.councilAgenda)
  @ApiOperation({ summary: "Set a council meeting's agenda from the body's published concerns" })
  @ApiOkResponse({ type: CouncilMeetingViewDto })
  setAgenda(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: CouncilAgendaDto): Promise<CouncilMeetingView> {
    return this.council.setAgenda(actor, id, body.concernIds);
  }

  @Put(ApiPaths.councilMinutes)
  @ApiOperation({ summary: 'Record the minutes once the meeting has begun' })
  @ApiOkResponse({ type: CouncilMeetingViewDto })
  setMinutes(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: CouncilMinutesDto): Promise<CouncilMeetingView> {
    return this.council.setMinutes(actor, id, body.minutes);
  }
}

@ApiTags('rosters')
@ApiBearerAuth()
@Controller()
export class RosterController {
  constructor(private readonly rosters: RosterService) {}

  @Get(ApiPaths.federationRoster)
  @ApiOperation({ summary: 'Her own roster; the chair and county admins see all of the body\'s' })
  @ApiOkResponse({ type: RosterEntryViewDto, isArray: true })
  list(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<RosterEntryView[]> {
    return this.rosters.list(actor, id);
  }

  @Post(ApiPaths.federationRoster)
  @ApiOperation({ summary: 'Add a woman by name and phone, with her consent recorded' })
  @ApiCreatedResponse({ type: RosterEntryViewDto })
  add(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: RosterEntryDto): Promise<RosterEntryView> {
    return this.rosters.add(actor, id, body);
  }

  @Post(ApiPaths.federationRosterInvitations)
  @ApiOperation({ summary: 'An invitation code a woman accepts in the mini-program to join her roster' })
  @ApiCreatedResponse({ type: RosterInvitationViewDto })
  invite(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<RosterInvitationView> {
    return this.rosters.invite(actor, id);
  }

  @Get(ApiPaths.rosterInvitation)
  @ApiOperation({ summary: 'Who invites her, before she accepts' })
  @ApiOkResponse({ type: RosterInvitationViewDto })
  invitation(@Param('code') code: string): Promise<RosterInvitationView> {
    return this.rosters.invitation(code);
  }

  @Post(ApiPaths.rosterInvitationAccept)
  @HttpCode(204)
  @ApiOperation({ summary: 'She accepts (her consent)' })
  accept(@CurrentActor() actor: Actor | null, @Param('code') code: string): Promise<void> {
    return this.rosters.accept(actor, code);
  }

  @Get(ApiPaths.rosterEntry)
  @ApiOperation({ summary: 'An entry with its contact log (its member, the chair, county admins)' })
  @ApiOkResponse({ type: RosterEntryDetailView })
  detail(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<RosterEntryDetail> {
    return this.rosters.detail(actor, id);
  }

  @Patch(ApiPaths.rosterEntry)
  @ApiOperation({ summary: 'Change care tags or how often to be reminded (its member only)' })
  @ApiOkResponse({ type: RosterEntryViewDto })
  update(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: RosterEntryUpdateDto): Promise<RosterEntryView> {
    return this.rosters.update(actor, id, body);
  }

  @Delete(ApiPaths.rosterEntry)
  @HttpCode(204)
  @ApiOperation({ summary: 'Take her off the roster, with its contact log (its member only)' })
  remove(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<void> {
    return this.rosters.remove(actor, id);
  }

  @Post(ApiPaths.rosterEntryContacts)
  @ApiOperation({ summary: 'Log a contact: date, how, what she needed, whether a request was filed' })
  @ApiCreatedResponse({ type: RosterEntryDetailView })
  logContact(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: ContactLogDto): Promise<RosterEntryDetail> {
    return this.rosters.logContact(actor, id, body);
  }
}
