import { RouteSchema } from '@nestjs/platform-fastify';
import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiPaths,
  IDEMPOTENCY_HEADER,
  RequestAction,
  requestActionPath,
  type Actor,
  type InboxCounts,
  type OnBehalfCreated,
  type RatingCodeView,
  type ReferredOutSummary,
  type RequestDetail,
  type RequestSummary,
  type ServiceCategory,
} from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { Public } from '../../common/auth/public.decorator';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import {
  AcceptRequestDto,
  InboxCountsView,
  RatingCodeViewDto,
  ReferredOutSummaryView,
  RateRequestDto,
  ReferRequestDto,
  ReplyRequestDto,
  RequestDetailView,
  RequestSummaryView,
  ResolveRequestDto,
  ReturnReferralDto,
  OnBehalfCreatedView,
  REQUEST_DETAIL_SCHEMA,
  ServiceCategoryView,
  SubmitOnBehalfDto,
  SubmitRequestDto,
  WithdrawRequestDto,
} from './dto';
import { RequestsService } from './requests.service';

@ApiTags('requests')
@ApiBearerAuth()
@Controller()
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Public()
  @Get(ApiPaths.categories)
  @ApiOperation({ summary: 'What a woman can ask for, with the extra questions of each category' })
  @ApiOkResponse({ type: ServiceCategoryView, isArray: true })
  categories(): Promise<ServiceCategory[]> {
    return this.requests.categories();
  }

  @Post(ApiPaths.requests)
  @RateLimit('submitRequest')
  @RouteSchema({ response: { 201: REQUEST_DETAIL_SCHEMA } })
  @ApiOperation({ summary: 'Ask for help; routed to the responsible body. Safe to retry with the same Idempotency-Key' })
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: false, description: 'A fresh UUID per filled form' })
  @ApiCreatedResponse({ type: RequestDetailView })
  submit(
    @CurrentActor() actor: Actor | null,
    @Body() body: SubmitRequestDto,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey?: string,
  ): Promise<RequestDetail> {
    return this.requests.submit(actor, body, idempotencyKey?.slice(0, 64));
  }

  @Get(ApiPaths.myRequests)
  @ApiOperation({ summary: 'Her own requests, newest first' })
  @ApiOkResponse({ type: RequestSummaryView, isArray: true })
  mine(@CurrentActor() actor: Actor | null): Promise<RequestSummary[]> {
    return this.requests.mine(actor);
  }

  @Get(ApiPaths.request)
  @ApiOperation({ summary: 'A request with its timeline (hers, or a handler\'s in scope; 404 otherwise)' })
  @ApiOkResponse({ type: RequestDetailView })
  detail(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<RequestDetail> {
    return this.requests.detail(actor, id);
  }

  @Get(ApiPaths.inbox)
  @ApiOperation({ summary: "A body's open requests, overdue first, for those who hold a role there" })
  @ApiOkResponse({ type: RequestSummaryView, isArray: true })
  inbox(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<RequestSummary[]> {
    return this.requests.inbox(actor, id);
  }

  @Get(ApiPaths.myInboxCounts)
  @ApiOperation({ summary: 'How many requests wait for a first answer, and how many are overdue, in each inbox she answers' })
  @ApiOkResponse({ type: InboxCountsView })
  inboxCounts(@CurrentActor() actor: Actor | null): Promise<InboxCounts> {
    return this.requests.inboxCounts(actor);
  }

  @Get(ApiPaths.referredOut)
  @ApiOperation({ summary: 'What a body referred to others and another body holds now, latest referral first, for those who answer there' })
  @ApiOkResponse({ type: ReferredOutSummaryView, isArray: true })
  referredOut(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<ReferredOutSummary[]> {
    return this.requests.referredOut(actor, id);
  }

  @Post(ApiPaths.federationRequests)
  @RateLimit('submitOnBehalf')
  @ApiOperation({
    summary: 'A chair records a request taken by phone or at the door (12338 too). Safe to retry with the same Idempotency-Key: the same request and rating code come back',
  })
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: false, description: "A fresh UUID per filled form; it is the recording chair's own" })
  @ApiCreatedResponse({ type: OnBehalfCreatedView })
  submitOnBehalf(
    @CurrentActor() actor: Actor | null,
    @Param('id') id: string,
    @Body() body: SubmitOnBehalfDto,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey?: string,
  ): Promise<OnBehalfCreated> {
    return this.requests.submitOnBehalf(actor, id, body, idempotencyKey?.slice(0, 64));
  }

  @Public()
  @Get(ApiPaths.rateByCode)
  @RateLimit('ratingCode')
  @ApiOperation({ summary: 'Where the request of a rating code stands (nothing she said or was done), for the page she rates on' })
  @ApiOkResponse({ type: RatingCodeViewDto })
  ratingCode(@Param('code') code: string): Promise<RatingCodeView> {
    return this.requests.ratingCodeView(code);
  }

  @Public()
  @Post(ApiPaths.rateByCode)
  @RateLimit('ratingCode')
  @HttpCode(204)
  @ApiOperation({ summary: 'She rates a request recorded for her, with the code she was given' })
  rateByCode(@Param('code') code: string, @Body() body: RateRequestDto): Promise<void> {
    return this.requests.rateByCode(code, body);
  }

  @Post(requestActionPath(RequestAction.Accept))
  @HttpCode(200)
  @ApiOkResponse({ type: RequestDetailView })
  accept(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: AcceptRequestDto): Promise<RequestDetail> {
    return this.requests.actAsHandler(actor, id, { action: RequestAction.Accept, note: body.note });
  }

  @Post(requestActionPath(RequestAction.Reply))
  @HttpCode(200)
  @ApiOkResponse({ type: RequestDetailView })
  reply(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: ReplyRequestDto): Promise<RequestDetail> {
    return this.requests.actAsHandler(actor, id, { action: RequestAction.Reply, message: body.message });
  }

  @Post(requestActionPath(RequestAction.Refer))
  @HttpCode(200)
  @ApiOkResponse({ type: RequestDetailView })
  refer(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: ReferRequestDto): Promise<RequestDetail> {
    return this.requests.actAsHandler(actor, id, { action: RequestAction.Refer, ...body });
  }

  @Post(requestActionPath(RequestAction.ReturnReferral))
  @HttpCode(200)
  @ApiOkResponse({ type: RequestDetailView })
  returnReferral(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: ReturnReferralDto): Promise<RequestDetail> {
    return this.requests.actAsHandler(actor, id, { action: RequestAction.ReturnReferral, reason: body.reason });
  }

  @Post(requestActionPath(RequestAction.Resolve))
  @HttpCode(200)
  @ApiOkResponse({ type: RequestDetailView })
  resolve(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: ResolveRequestDto): Promise<RequestDetail> {
    return this.requests.actAsHandler(actor, id, { action: RequestAction.Resolve, resolution: body.resolution });
  }

  @Post(requestActionPath(RequestAction.Withdraw))
  @HttpCode(200)
  @ApiOkResponse({ type: RequestDetailView })
  withdraw(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: WithdrawRequestDto): Promise<RequestDetail> {
    return this.requests.actAsWoman(actor, id, { action: RequestAction.Withdraw, reason: body.reason });
  }

  @Post(requestActionPath(RequestAction.Rate))
  @HttpCode(200)
  @ApiOkResponse({ type: RequestDetailView })
  rate(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: RateRequestDto): Promise<RequestDetail> {
    return this.requests.actAsWoman(actor, id, { action: RequestAction.Rate, ...body });
  }
}
