import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNumber,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ACTIVITY_LIMITS,
  ActivityCategory,
  type ActivitiesQuery,
  type ActivityDetail,
  type ActivityInput,
  type ActivityStatus,
  type ActivitySummary,
  type AttendeeList,
  type AttendeeView,
  type CancelActivityInput,
  type CheckInInput,
  type CheckInResult,
  type CheckInUndone,
  type MySignup,
  type ReservedSignupInput,
  type SignupInput,
  type SignupKind,
  type SignupState,
  type SignupView,
  type SignupWindowState,
  PHONE_PATTERN,
} from '@wfh/shared';
import { NestedForm, NotBlank, Nullable, Optional, PartialInput, MaxChars } from '../../common/pipes/dto-decorators';
import { CompiledValidation } from '../../common/pipes/validation';
import { parseSignupInput } from './signup-input.parser';

const STATUSES: ActivityStatus[] = ['draft', 'published', 'cancelled', 'finished'];
const WINDOWS: SignupWindowState[] = ['not_yet', 'open', 'closed'];
const SIGNUP_STATES: SignupState[] = ['confirmed', 'waitlisted', 'cancelled'];
const SIGNUP_KINDS: SignupKind[] = ['self', 'relative', 'reserved'];

export class ActivityInputDto implements ActivityInput {
  @ApiProperty({ maxLength: ACTIVITY_LIMITS.title, example: '免费两癌筛查' })
  @IsString() @NotBlank() @MaxChars(ACTIVITY_LIMITS.title, '活动名称')
  title: string;

  @ApiProperty({ maxLength: ACTIVITY_LIMITS.description, description: 'May be empty: the title often says it all' })
  @IsString() @MaxChars(ACTIVITY_LIMITS.description, '活动介绍')
  description: string;

  @ApiProperty({ enum: ActivityCategory, enumName: 'ActivityCategory' })
  @IsEnum(ActivityCategory)
  category: ActivityCategory;

  @ApiPropertyOptional({ type: String, nullable: true, description: "One of the body's sites; its address and location are used. null: not at a site, the address is used" })
  @Optional() @Nullable() @IsUUID()
  siteId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: ACTIVITY_LIMITS.address, description: 'Required without a site; null: none (at a site)' })
  @Optional() @Nullable() @IsString() @NotBlank() @MaxChars(ACTIVITY_LIMITS.address, '活动地点')
  address?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: -90, maximum: 90, description: 'null: no point on the map; found near the body' })
  @Optional() @Nullable() @IsNumber() @Min(-90) @Max(90)
  latitude?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: -180, maximum: 180, description: 'null: no point on the map; found near the body' })
  @Optional() @Nullable() @IsNumber() @Min(-180) @Max(180)
  longitude?: number | null;

  @ApiProperty({ example: '2026-12-05T01:00:00.000Z' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty()
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiProperty()
  @IsISO8601({ strict: true })
  signupOpensAt: string;

  @ApiProperty()
  @IsISO8601({ strict: true })
  signupClosesAt: string;

  @ApiProperty({ minimum: 1, maximum: ACTIVITY_LIMITS.maxCapacity })
  @IsInt() @Min(1) @Max(ACTIVITY_LIMITS.maxCapacity)
  capacity: number;

  @ApiPropertyOptional({ minimum: 0, maximum: ACTIVITY_LIMITS.maxCapacity })
  @Optional() @IsInt() @Min(0) @Max(ACTIVITY_LIMITS.maxCapacity)
  reservedSeats?: number;

  @ApiPropertyOptional()
  @Optional() @IsBoolean()
  relativesAllowed?: boolean;
}

export class UpdateActivityDto extends PartialInput(ActivityInputDto) {}

export class CancelActivityDto implements CancelActivityInput {
  @ApiProperty({ maxLength: ACTIVITY_LIMITS.cancelReason, example: '天气原因，改期另行通知' })
  @IsString() @NotBlank() @MaxChars(ACTIVITY_LIMITS.cancelReason, '取消原因')
  reason: string;
}

export class ActivitiesQueryDto implements ActivitiesQuery {
  @ApiPropertyOptional({ minimum: -90, maximum: 90 })
  @Optional() @Type(() => Number) @IsNumber() @Min(-90) @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ minimum: -180, maximum: 180 })
  @Optional() @Type(() => Number) @IsNumber() @Min(-180) @Max(180)
  longitude?: number;

  @ApiPropertyOptional({ minimum: 100, maximum: 100_000 })
  @Optional() @Type(() => Number) @IsInt() @Min(100) @Max(100_000)
  radiusMetres?: number;

  @ApiPropertyOptional({ description: 'Her village or community: its own activities and its township\'s' })
  @Optional() @IsString() @Matches(/^\d{12}$/)
  federationId?: string;

  @ApiPropertyOptional({ enum: ActivityCategory, enumName: 'ActivityCategory' })
  @Optional() @IsEnum(ActivityCategory)
  category?: ActivityCategory;

  @ApiPropertyOptional({ minimum: 1, maximum: 50 })
  @Optional() @Type(() => Number) @IsInt() @Min(1) @Max(50)
  limit?: number;
}

export class AttendeeInputDto {
  @ApiProperty({ maxLength: ACTIVITY_LIMITS.attendeeName, example: '王秀兰' })
  @IsString() @NotBlank() @MaxChars(ACTIVITY_LIMITS.attendeeName, '参加人的名字')
  name: string;

  @ApiProperty({ example: '13800000000' })
  @IsString() @Matches(PHONE_PATTERN)
  phone: string;
}

/** The rules of record; on the route, parseSignupInput takes the well-formed sign-up and leaves the rest to them. */
@CompiledValidation(parseSignupInput)
export class SignupInputDto implements SignupInput {
  @ApiPropertyOptional({ type: AttendeeInputDto, description: 'Absent: herself' })
  @Optional() @NestedForm(() => AttendeeInputDto)
  attendee?: AttendeeInputDto;
}

export class ReservedSignupDto extends AttendeeInputDto implements ReservedSignupInput {
  @ApiProperty()
  @IsBoolean()
  consentRecorded: boolean;
}

export class CheckInDto implements CheckInInput {
  @ApiProperty({ maxLength: 120, description: 'What the QR code holds, the six-digit short code, or the sign-up id from the attendee list (the chair taps her name)' })
  @IsString() @NotBlank() @MaxLength(120)
  code: string;
}

export class CsvQueryDto {
  @ApiPropertyOptional({ enum: ['masked', 'full'], description: 'full: phone numbers in full (audited)' })
  @Optional() @IsEnum({ masked: 'masked', full: 'full' })
  phones?: 'masked' | 'full';
}

// ---- responses ----

export class ActivitySummaryView implements ActivitySummary {
  @ApiProperty() id: string;
  @ApiProperty() federationId: string;
  @ApiProperty() federationName: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ActivityCategory, enumName: 'ActivityCategory' }) category: ActivityCategory;
  @ApiProperty({ enum: STATUSES }) status: ActivityStatus;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() signupOpensAt: string;
  @ApiProperty() signupClosesAt: string;
  @ApiProperty({ enum: WINDOWS }) signupWindow: SignupWindowState;
  @ApiProperty() address: string;
  @ApiProperty({ type: String, nullable: true }) siteId: string | null;
  @ApiProperty({ type: String, nullable: true }) siteName: string | null;
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'Seats women can still take themselves' }) seatsLeft: number;
  @ApiProperty() waitlistLength: number;
  @ApiProperty({ type: Number, nullable: true }) distanceMetres: number | null;
}

export class SignupViewDto implements SignupView {
  @ApiProperty() id: string;
  @ApiProperty() activityId: string;
  @ApiProperty({ enum: SIGNUP_KINDS }) kind: SignupKind;
  @ApiProperty({ enum: SIGNUP_STATES }) state: SignupState;
  @ApiProperty() attendeeName: string;
  @ApiProperty({ type: Number, nullable: true }) waitlistPosition: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'QR content; only to the woman who holds the seat' }) checkInToken: string | null;
  @ApiProperty({ type: String, nullable: true }) shortCode: string | null;
  @ApiProperty({ type: String, nullable: true }) checkedInAt: string | null;
  @ApiProperty() createdAt: string;
}

export class MySignupView extends SignupViewDto implements MySignup {
  @ApiProperty({ type: ActivitySummaryView }) activity: ActivitySummaryView;
}

export class ActivityDetailView extends ActivitySummaryView implements ActivityDetail {
  @ApiProperty() description: string;
  @ApiProperty() reservedSeats: number;
  @ApiProperty() reservedTaken: number;
  @ApiProperty() confirmedCount: number;
  @ApiProperty() relativesAllowed: boolean;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ type: SignupViewDto, isArray: true }) mySignups: SignupViewDto[];
  @ApiProperty() canManage: boolean;
}

export class AttendeeViewDto implements AttendeeView {
  @ApiProperty() signupId: string;
  @ApiProperty({ enum: SIGNUP_KINDS }) kind: SignupKind;
  @ApiProperty({ enum: SIGNUP_STATES }) state: SignupState;
  @ApiProperty({ type: String, nullable: true, description: 'null: no name; show personLabel (报名者 <number>)' }) name: string | null;
  @ApiProperty({ description: 'Her place in the order of sign-up for this activity' }) number: number;
  @ApiProperty({ type: String, nullable: true, description: 'Masked' }) phone: string | null;
  @ApiProperty({ type: Number, nullable: true }) waitlistPosition: number | null;
  @ApiProperty({ type: String, nullable: true }) checkedInAt: string | null;
  @ApiProperty() signedUpAt: string;
}

export class AttendeeListView implements AttendeeList {
  @ApiProperty({ type: AttendeeViewDto, isArray: true }) confirmed: AttendeeViewDto[];
  @ApiProperty({ type: AttendeeViewDto, isArray: true }) waitlisted: AttendeeViewDto[];
  @ApiProperty() checkedIn: number;
}

export class CheckInResultView implements CheckInResult {
  @ApiProperty() signupId: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: no name; show personLabel (报名者 <number>)' }) name: string | null;
  @ApiProperty({ description: 'Her place in the order of sign-up for this activity' }) number: number;
  @ApiProperty() checkedInAt: string;
}

export class CheckInUndoneView implements CheckInUndone {
  @ApiProperty() signupId: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: no name; show personLabel (报名者 <number>)' }) name: string | null;
  @ApiProperty({ description: 'Her place in the order of sign-up for this activity' }) number: number;
  @ApiProperty({ description: 'false: she was not checked in, nothing changed' }) undone: boolean;
}

const nullableType = (type: string) => ({ type: [type, 'null'] });

/** Typed by SignupView, so that a field added there and forgotten here does not compile. */
const SIGNUP_VIEW_PROPERTIES: Record<keyof SignupView, object> = {
  id: { type: 'string' },
  activityId: { type: 'string' },
  kind: { type: 'string' },
  state: { type: 'string' },
  attendeeName: { type: 'string' },
  waitlistPosition: nullableType('integer'),
  checkInToken: nullableType('string'),
  shortCode: nullableType('string'),
  checkedInAt: nullableType('string'),
  createdAt: { type: 'string' },
};

/**
 * SignupViewDto for Fastify's serialiser (fast-json-stringify, compiled once) on POST sign-up
 * (issue #18). Every field is required: a missing one fails loudly rather than vanishing.
 */
export const SIGNUP_VIEW_SCHEMA = { type: 'object', required: Object.keys(SIGNUP_VIEW_PROPERTIES), properties: SIGNUP_VIEW_PROPERTIES };
