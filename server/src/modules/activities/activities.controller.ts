import { RouteSchema } from '@nestjs/platform-fastify';
import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import {
  ApiPaths,
  type ActivityDetail,
  type ActivitySummary,
  type Actor,
  type AttendeeList,
  type CheckInResult,
  type CheckInUndone,
  type MySignup,
  type SignupView,
} from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { Public } from '../../common/auth/public.decorator';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { ActivitiesService } from './activities.service';
import {
  ActivitiesQueryDto,
  ActivityDetailView,
  ActivityInputDto,
  ActivitySummaryView,
  AttendeeListView,
  CancelActivityDto,
  CheckInDto,
  CheckInResultView,
  CheckInUndoneView,
  CsvQueryDto,
  MySignupView,
  ReservedSignupDto,
  SignupInputDto,
  SignupViewDto,
  SIGNUP_VIEW_SCHEMA,
  UpdateActivityDto,
} from './dto';
import { SignupsService } from './signups.service';

@ApiTags('activities')
@ApiBearerAuth()
@Controller()
export class ActivitiesController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly signups: SignupsService,
  ) {}

  @Public()
  @Get(ApiPaths.activities)
  @ApiOperation({ summary: "Upcoming published activities near a point and/or of her village's and township's bodies" })
  @ApiOkResponse({ type: ActivitySummaryView, isArray: true })
  discover(@Query() query: ActivitiesQueryDto): Promise<ActivitySummary[]> {
    return this.activities.discover(query);
  }

  @Public()
  @Get(ApiPaths.activity)
  @ApiOperation({ summary: 'An activity with seats left; her own sign-ups when signed in (drafts: managers only)' })
  @ApiOkResponse({ type: ActivityDetailView })
  detail(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<ActivityDetail> {
    return this.activities.detail(actor, id);
  }

  @Post(ApiPaths.federationActivities)
  @ApiOperation({ summary: "A body's chair or staff creates an activity (a draft)" })
  @ApiCreatedResponse({ type: ActivityDetailView })
  create(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: ActivityInputDto): Promise<ActivityDetail> {
    return this.activities.create(actor, id, body);
  }

  @Get(ApiPaths.federationActivities)
  @ApiOperation({ summary: "A body's activities, drafts and past ones too (its managers only)" })
  @ApiOkResponse({ type: ActivitySummaryView, isArray: true })
  ofBody(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<ActivitySummary[]> {
    return this.activities.ofBody(actor, id);
  }

  @Patch(ApiPaths.activity)
  @ApiOperation({ summary: 'Edit; a change of time or place tells everyone signed up, a larger capacity lets the waiting list in' })
  @ApiOkResponse({ type: ActivityDetailView })
  update(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: UpdateActivityDto): Promise<ActivityDetail> {
    return this.activities.update(actor, id, body);
  }

  @Post(ApiPaths.activityPublish)
  @ApiOperation({ summary: 'Publish a draft' })
  @ApiCreatedResponse({ type: ActivityDetailView })
  publish(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<ActivityDetail> {
    return this.activities.publish(actor, id);
  }

  @Post(ApiPaths.activityCancel)
  @ApiOperation({ summary: 'Cancel; closes sign-up and tells everyone signed up' })
  @ApiCreatedResponse({ type: ActivityDetailView })
  cancel(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: CancelActivityDto): Promise<ActivityDetail> {
    return this.activities.cancel(actor, id, body.reason);
  }

  @Post(ApiPaths.activitySignups)
  @RateLimit('signUp')
  @RouteSchema({ response: { 201: SIGNUP_VIEW_SCHEMA } })
  @ApiOperation({ summary: 'Sign up herself or a relative: a seat, or a place on the waiting list' })
  @ApiCreatedResponse({ type: SignupViewDto })
  signUp(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: SignupInputDto): Promise<SignupView> {
    return this.signups.signUp(actor, id, body);
  }

  @Get(ApiPaths.mySignups)
  @ApiOperation({ summary: 'Her sign-ups, with the QR token of each confirmed seat' })
  @ApiOkResponse({ type: MySignupView, isArray: true })
  mine(@CurrentActor() actor: Actor | null): Promise<MySignup[]> {
    return this.signups.mine(actor);
  }

  @Post(ApiPaths.signupCancel)
  @ApiOperation({ summary: 'Give the seat back or leave the waiting list; the first woman waiting is let in' })
  @ApiCreatedResponse({ type: SignupViewDto })
  cancelSignup(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<SignupView> {
    return this.signups.cancel(actor, id);
  }

  @Get(ApiPaths.activityAttendees)
  @ApiOperation({ summary: 'Confirmed and waiting lists, phones masked (managers only; 404 otherwise)' })
  @ApiOkResponse({ type: AttendeeListView })
  attendees(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<AttendeeList> {
    return this.signups.attendees(actor, id);
  }

  @Post(ApiPaths.activityAttendees)
  @ApiOperation({ summary: 'The chair adds a woman to a reserved place, with her consent' })
  @ApiCreatedResponse({ type: SignupViewDto })
  addReserved(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: ReservedSignupDto): Promise<SignupView> {
    return this.signups.addReserved(actor, id, body);
  }

  @Get(ApiPaths.activityAttendeesCsv)
  @ApiOperation({ summary: 'The attendee list as CSV; phones=full shows whole numbers and is audited' })
  @ApiProduces('text/csv')
  async attendeesCsv(
    @CurrentActor() actor: Actor | null,
    @Param('id') id: string,
    @Query() query: CsvQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { filename, rows } = await this.signups.attendeesCsv(actor, id, query.phones === 'full');
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    // The byte-order mark makes Excel read the Chinese as UTF-8; escape_formulas keeps a name like "=1+1" text.
    return `\uFEFF${stringify(rows, { escape_formulas: true })}`;
  }

  @Post(ApiPaths.activityCheckIns)
  @ApiOperation({ summary: 'Check a woman in by her QR token or six-digit code, once' })
  @ApiCreatedResponse({ type: CheckInResultView })
  checkIn(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: CheckInDto): Promise<CheckInResult> {
    return this.signups.checkIn(actor, id, body.code);
  }

  @Delete(ApiPaths.activityCheckIn)
  @ApiOperation({ summary: 'Take back a check-in made by mistake (audited); undoing one that is not there answers the same' })
  @ApiOkResponse({ type: CheckInUndoneView })
  undoCheckIn(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Param('signupId') signupId: string): Promise<CheckInUndone> {
    return this.signups.undoCheckIn(actor, id, signupId);
  }
}
