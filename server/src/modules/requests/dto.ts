import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Matches,
} from 'class-validator';
import {
  REQUEST_LIMITS,
  Rating,
  RegionLevel,
  RequestState,
  ServiceCategoryKey,
  type AcceptRequestInput,
  type AnswerView,
  type Answers,
  type CategoryQuestion,
  type ContactMethod,
  type InboxCount,
  type InboxCounts,
  type RatingCodeStage,
  type RatingCodeView,
  type ReferredOutSummary,
  type RateRequestInput,
  type ReferRequestInput,
  type ReplyRequestInput,
  type RequestContact,
  type RequestDetail,
  type RequestEventView,
  type RequestSummary,
  type ResolveRequestInput,
  type ReturnReferralInput,
  type OnBehalfCreated,
  type OnBehalfSource,
  type ServiceCategory,
  type SubmitOnBehalfInput,
  type SubmitRequestInput,
  type WithdrawRequestInput,
  PHONE_PATTERN,
} from '@wfh/shared';
import { NestedForm, NotBlank, Optional, MaxChars } from '../../common/pipes/dto-decorators';
import { CompiledValidation } from '../../common/pipes/validation';
import { parseSubmitRequest } from './submit-request.parser';

const CONTACT_METHODS: ContactMethod[] = ['phone', 'wechat', 'visit'];
const NOTE = REQUEST_LIMITS.handlerNote;
/** Digits, spaces, + - and brackets: how people write numbers down. */

export class RequestContactDto implements RequestContact {
  @ApiProperty({ enum: CONTACT_METHODS })
  @IsIn(CONTACT_METHODS)
  method: ContactMethod;

  @ApiPropertyOptional({ maxLength: REQUEST_LIMITS.phone, example: '13800000000' })
  @Optional() @IsString() @Matches(PHONE_PATTERN)
  phone?: string;

  @ApiPropertyOptional({ maxLength: REQUEST_LIMITS.safeTimes, example: '工作日上午' })
  @Optional() @IsString() @NotBlank() @MaxChars(REQUEST_LIMITS.safeTimes, '方便联系的时间')
  safeTimes?: string;
}

/** The rules of record; on the route, parseSubmitRequest takes the well-formed form and leaves the rest to them. */
@CompiledValidation(parseSubmitRequest)
export class SubmitRequestDto implements SubmitRequestInput {
  @ApiProperty({ enum: ServiceCategoryKey, enumName: 'ServiceCategoryKey' })
  @IsEnum(ServiceCategoryKey)
  categoryKey: ServiceCategoryKey;

  @ApiProperty({ maxLength: REQUEST_LIMITS.description })
  @IsString() @NotBlank() @MaxChars(REQUEST_LIMITS.description, '求助内容')
  description: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "Answers to the category's extra questions, by key" })
  @IsObject()
  answers: Answers;

  @ApiProperty({ type: RequestContactDto })
  @NestedForm(() => RequestContactDto)
  contact: RequestContactDto;

  @ApiProperty({ description: 'Her confirmed village or community body' })
  @IsString() @Matches(/^\d{12}$/)
  federationId: string;

  @ApiPropertyOptional()
  @Optional() @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ description: 'Sensitive categories: in danger now' })
  @Optional() @IsBoolean()
  urgent?: boolean;

  @ApiPropertyOptional({ description: 'Sensitive categories: her separate consent (PIPL art. 29)' })
  @Optional() @IsBoolean()
  sensitiveConsent?: boolean;
}

export class AcceptRequestDto implements AcceptRequestInput {
  @ApiPropertyOptional({ maxLength: NOTE })
  @Optional() @IsString() @NotBlank() @MaxChars(NOTE, '受理说明')
  note?: string;
}

export class ReplyRequestDto implements ReplyRequestInput {
  @ApiProperty({ maxLength: NOTE })
  @IsString() @NotBlank() @MaxChars(NOTE, '回复')
  message: string;
}

export class ReferRequestDto implements ReferRequestInput {
  @ApiProperty()
  @IsString() @Matches(/^\d{2,12}$/)
  toFederationId: string;

  @ApiProperty({ maxLength: NOTE, description: 'For colleagues: why this body. She never sees it' })
  @IsString() @NotBlank() @MaxChars(NOTE, '转介理由')
  reason: string;

  @ApiPropertyOptional({ maxLength: NOTE, description: 'What she is told about the hand-over' })
  @Optional() @IsString() @NotBlank() @MaxChars(NOTE, '对她说的话')
  messageToHer?: string;
}

export class ReturnReferralDto implements ReturnReferralInput {
  @ApiProperty({ maxLength: NOTE, description: 'For colleagues, like a referral reason: she sees only that it went back' })
  @IsString() @NotBlank() @MaxChars(NOTE, '退回理由')
  reason: string;
}

export class ResolveRequestDto implements ResolveRequestInput {
  @ApiProperty({ maxLength: NOTE })
  @IsString() @NotBlank() @MaxChars(NOTE, '办结说明')
  resolution: string;
}

export class WithdrawRequestDto implements WithdrawRequestInput {
  @ApiPropertyOptional({ maxLength: REQUEST_LIMITS.withdrawReason })
  @Optional() @IsString() @NotBlank() @MaxChars(REQUEST_LIMITS.withdrawReason, '撤回理由')
  reason?: string;
}

export class RateRequestDto implements RateRequestInput {
  @ApiProperty({ enum: Rating, enumName: 'Rating' })
  @IsEnum(Rating)
  rating: Rating;

  @ApiProperty({ description: '受益: did it help her' })
  @IsBoolean()
  helped: boolean;

  @ApiPropertyOptional({ maxLength: REQUEST_LIMITS.ratingComment })
  @Optional() @IsString() @NotBlank() @MaxChars(REQUEST_LIMITS.ratingComment, '评价的话')
  comment?: string;
}

export class CategoryQuestionView implements CategoryQuestion {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: ['text', 'choice', 'yes_no', 'number'] }) type: CategoryQuestion['type'];
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ type: String, isArray: true }) options?: string[];
  @ApiPropertyOptional() maxLength?: number;
}

export class ServiceCategoryView implements ServiceCategory {
  @ApiProperty({ enum: ServiceCategoryKey, enumName: 'ServiceCategoryKey' }) key: ServiceCategoryKey;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() sensitive: boolean;
  @ApiProperty({ enum: RegionLevel, enumName: 'RegionLevel' }) handlingLevel: RegionLevel;
  @ApiProperty({ description: 'Working hours' }) firstResponseHours: number;
  @ApiProperty({ description: 'Working hours' }) resolutionHours: number;
  @ApiProperty({ type: CategoryQuestionView, isArray: true }) questions: CategoryQuestionView[];
}

export class RequestSummaryView implements RequestSummary {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ServiceCategoryKey, enumName: 'ServiceCategoryKey' }) categoryKey: ServiceCategoryKey;
  @ApiProperty() categoryName: string;
  @ApiProperty() sensitive: boolean;
  @ApiProperty({ description: 'Sensitive and in danger now' }) urgent: boolean;
  @ApiProperty({ enum: RequestState, enumName: 'RequestState' }) state: RequestState;
  @ApiProperty() federationId: string;
  @ApiProperty() federationName: string;
  @ApiProperty({ description: 'Her village or community' }) homeFederationId: string;
  @ApiProperty() homeFederationName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstResponseDueAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolutionDueAt: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty() onBehalf: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "Staff views: her name; null without one, in her own views, and in lists beside a sensitive request (shown as personLabel 'requester')",
  })
  requester: string | null;
}

export class ReferredOutSummaryView extends RequestSummaryView implements ReferredOutSummary {
  @ApiProperty({ format: 'date-time', description: 'When this body last referred it' }) referredAt: string;
}

export class InboxCountView implements InboxCount {
  @ApiProperty() federationId: string;
  @ApiProperty() federationName: string;
  @ApiProperty({ description: 'Open requests the body holds' }) open: number;
  @ApiProperty({ description: 'Of those, waiting for its first answer' }) waiting: number;
  @ApiProperty({ description: 'Of those, past their deadline now' }) overdue: number;
}

export class InboxCountsView implements InboxCounts {
  @ApiProperty({ type: InboxCountView, isArray: true }) bodies: InboxCountView[];
  @ApiProperty() waiting: number;
  @ApiProperty() overdue: number;
}

const RATING_CODE_STAGES: RatingCodeStage[] = ['waiting', 'ready', 'rated', 'ended'];

export class RatingCodeViewDto implements RatingCodeView {
  @ApiProperty({ description: "Her village's 妇联, which recorded it" }) federationName: string;
  @ApiProperty({ enum: RATING_CODE_STAGES }) stage: RatingCodeStage;
  @ApiProperty({ enum: Rating, enumName: 'Rating', nullable: true }) rating: Rating | null;
  @ApiProperty({ description: 'In the first round 不满意 sends it back to be handled again' }) unsatisfiedReopens: boolean;
}

export class RequestEventViewDto implements RequestEventView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() action: RequestEventView['action'];
  @ApiProperty({ enum: ['woman', 'handler', 'system'] }) actor: RequestEventView['actor'];
  @ApiProperty({ type: String, nullable: true }) federationName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Referrals and escalations: who received it' }) toFederationName: string | null;
  @ApiProperty({ enum: RequestState, enumName: 'RequestState' }) toState: RequestState;
  @ApiProperty({ type: String, nullable: true, description: 'What was said to her' }) note: string | null;
  @ApiProperty({ type: String, nullable: true, description: "For colleagues (a referral's or return's reason); null in her own views" })
  staffNote: string | null;
}

class RatingView {
  @ApiProperty({ enum: Rating, enumName: 'Rating' }) rating: Rating;
  @ApiProperty() helped: boolean;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
}

export class AnswerViewDto implements AnswerView {
  @ApiProperty() key: string;
  @ApiProperty({ description: "The question's label" }) label: string;
  @ApiProperty({ description: 'The answer in words: the option chosen, 是/否, the number' }) value: string;
}

export class RequestDetailView extends RequestSummaryView implements RequestDetail {
  @ApiProperty() description: string;
  @ApiProperty({ type: AnswerViewDto, isArray: true, description: "Her answers, in the catalogue's order" }) answers: AnswerViewDto[];
  @ApiProperty({ type: RequestContactDto }) contact: RequestContactDto;
  @ApiProperty({ description: 'Why the body holding it now holds it: routing, or the latest hand-over' }) routingReason: string;
  @ApiProperty({ type: RequestEventViewDto, isArray: true }) timeline: RequestEventViewDto[];
  @ApiProperty({ type: RatingView, nullable: true }) rating: RatingView | null;
}

const ON_BEHALF_SOURCES: OnBehalfSource[] = ['phone', 'visit', 'hotline_12338'];

export class SubmitOnBehalfDto extends OmitType(SubmitRequestDto, ['federationId', 'sensitiveConsent'] as const) implements SubmitOnBehalfInput {
  @ApiProperty({ maxLength: REQUEST_LIMITS.womanName })
  @IsString() @NotBlank() @MaxChars(REQUEST_LIMITS.womanName, '她的名字')
  womanName: string;

  @ApiPropertyOptional({ maxLength: REQUEST_LIMITS.phone })
  @Optional() @IsString() @Matches(PHONE_PATTERN)
  womanPhone?: string;

  @ApiProperty({ enum: ON_BEHALF_SOURCES })
  @IsIn(ON_BEHALF_SOURCES)
  source: OnBehalfSource;

  @ApiProperty({ description: 'She agreed that her information is recorded' })
  @IsBoolean()
  consentRecorded: boolean;
}

export class OnBehalfCreatedView implements OnBehalfCreated {
  @ApiProperty({ type: RequestDetailView }) request: RequestDetailView;
  @ApiProperty({ description: 'Give it to her: she rates the request with it herself. Sixteen digits, the last a check digit' }) ratingCode: string;
}

const str = { type: 'string' };
const nullable = (type: string) => ({ type: [type, 'null'] });

/** Typed by the shared views, so that a field added there and forgotten here does not compile. */
const SUMMARY_PROPERTIES: Record<keyof RequestSummary, object> = {
  id: str,
  categoryKey: str,
  categoryName: str,
  sensitive: { type: 'boolean' },
  urgent: { type: 'boolean' },
  state: str,
  federationId: str,
  federationName: str,
  homeFederationId: str,
  homeFederationName: str,
  createdAt: str,
  firstResponseDueAt: nullable('string'),
  resolutionDueAt: nullable('string'),
  overdue: { type: 'boolean' },
  onBehalf: { type: 'boolean' },
  requester: nullable('string'),
};
const EVENT_PROPERTIES: Record<keyof RequestEventView, object> = {
  at: str,
  action: str,
  actor: str,
  federationName: nullable('string'),
  toFederationName: nullable('string'),
  toState: str,
  note: nullable('string'),
  staffNote: nullable('string'),
};
const ANSWER_PROPERTIES: Record<keyof AnswerView, object> = { key: str, label: str, value: str };
const CONTACT_PROPERTIES: Record<keyof RequestContact, object> = { method: str, phone: str, safeTimes: str };
const RATING_PROPERTIES: Record<keyof NonNullable<RequestDetail['rating']>, object> = { rating: str, helped: { type: 'boolean' }, comment: nullable('string') };
const DETAIL_PROPERTIES: Record<keyof RequestDetail, object> = {
  ...SUMMARY_PROPERTIES,
  description: str,
  answers: { type: 'array', items: { type: 'object', required: Object.keys(ANSWER_PROPERTIES), properties: ANSWER_PROPERTIES } },
  // phone and safeTimes are hers to leave out.
  contact: { type: 'object', required: ['method'], properties: CONTACT_PROPERTIES },
  routingReason: str,
  timeline: { type: 'array', items: { type: 'object', required: Object.keys(EVENT_PROPERTIES), properties: EVENT_PROPERTIES } },
  rating: { anyOf: [{ type: 'null' }, { type: 'object', required: Object.keys(RATING_PROPERTIES), properties: RATING_PROPERTIES }] },
};

/**
 * RequestDetailView for Fastify's serialiser (fast-json-stringify, compiled once), on the busiest
 * write route (issue #18). Every field is required: a missing one fails loudly rather than
 * vanishing from the answer.
 */
export const REQUEST_DETAIL_SCHEMA = { type: 'object', required: Object.keys(DETAIL_PROPERTIES), properties: DETAIL_PROPERTIES };
