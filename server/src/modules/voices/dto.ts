import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CONCERN_LIMITS,
  CareTag,
  ROSTER_LIMITS,
  type CareTag as CareTagType,
  type ConcernDetail,
  type ConcernInput,
  type ConcernOutcome,
  type ConcernStatus,
  type ConcernSummary,
  type ConcernUpdateInput,
  type ConcernUpdateView,
  type ContactLogInput,
  type ContactLogView,
  type ContactMethodKind,
  type CouncilAgendaInput,
  type CouncilMeetingView,
  type CouncilMinutesInput,
  type DeclineConcernInput,
  type MergeConcernInput,
  type RosterEntryDetail,
  type RosterEntryInput,
  type RosterEntryUpdate,
  type RosterEntryView,
  type RosterInvitationView,
  type VoicesBoard,
  PHONE_PATTERN,
} from '@wfh/shared';
import { NotBlank, Nullable, Optional, MaxChars } from '../../common/pipes/dto-decorators';

const OUTCOMES: ConcernOutcome[] = ['accepted', 'in_progress', 'done', 'not_adopted'];
const STATUSES: ConcernStatus[] = ['pending', 'published', 'declined', 'merged', 'accepted', 'in_progress', 'done', 'not_adopted'];
const METHODS: ContactMethodKind[] = ['visit', 'phone', 'wechat', 'meeting'];

export class ConcernInputDto implements ConcernInput {
  @ApiProperty({ maxLength: CONCERN_LIMITS.title, example: '上学路上的路灯坏了' })
  @IsString() @NotBlank() @MaxChars(CONCERN_LIMITS.title, '标题')
  title: string;

  @ApiProperty({ maxLength: CONCERN_LIMITS.description })
  @IsString() @NotBlank() @MaxChars(CONCERN_LIMITS.description, '详细情况')
  description: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: CONCERN_LIMITS.photoUrl, description: 'null or absent: no photo' })
  @Optional() @Nullable() @IsString() @MaxLength(CONCERN_LIMITS.photoUrl) @IsUrl({ protocols: ['https'], require_protocol: true })
  photoUrl?: string | null;

  @ApiPropertyOptional({ description: 'Show her name on the board (default: 一位村民)' })
  @Optional() @IsBoolean()
  showMyName?: boolean;

  @ApiPropertyOptional({ description: 'She read that personal cases go to 我要求助 and says this concerns everyone' })
  @Optional() @IsBoolean()
  notPersonal?: boolean;
}

export class DeclineConcernDto implements DeclineConcernInput {
  @ApiProperty({ maxLength: CONCERN_LIMITS.reason })
  @IsString() @NotBlank() @MaxChars(CONCERN_LIMITS.reason, '不采纳的理由')
  reason: string;
}

export class MergeConcernDto implements MergeConcernInput {
  @ApiProperty()
  @IsUUID()
  intoConcernId: string;
}

export class ConcernUpdateDto implements ConcernUpdateInput {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  status: ConcernOutcome;

  @ApiProperty({ maxLength: CONCERN_LIMITS.answer })
  @IsString() @NotBlank() @MaxChars(CONCERN_LIMITS.answer, '答复')
  text: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The council meeting that took it up; null or absent: none' })
  @Optional() @Nullable() @IsUUID()
  meetingId?: string | null;
}

export class CouncilAgendaDto implements CouncilAgendaInput {
  @ApiProperty({ type: String, isArray: true, maxItems: CONCERN_LIMITS.agendaItems })
  @IsArray() @ArrayMaxSize(CONCERN_LIMITS.agendaItems) @IsUUID('all', { each: true })
  concernIds: string[];
}

export class CouncilMinutesDto implements CouncilMinutesInput {
  @ApiProperty({ maxLength: CONCERN_LIMITS.minutes })
  @IsString() @NotBlank() @MaxChars(CONCERN_LIMITS.minutes, '会议纪要')
  minutes: string;
}

export class RosterEntryDto implements RosterEntryInput {
  @ApiProperty({ maxLength: ROSTER_LIMITS.name })
  @IsString() @NotBlank() @MaxChars(ROSTER_LIMITS.name, '名字')
  name: string;

  @ApiProperty({ example: '13800000000' })
  @IsString() @Matches(PHONE_PATTERN)
  phone: string;

  @ApiPropertyOptional({ enum: CareTag, enumName: 'CareTag', isArray: true })
  @Optional() @IsArray() @ArrayUnique() @IsEnum(CareTag, { each: true })
  tags?: CareTagType[];

  @ApiProperty()
  @IsBoolean()
  consentRecorded: boolean;

  @ApiPropertyOptional({ minimum: ROSTER_LIMITS.minCareWeeks, maximum: ROSTER_LIMITS.maxCareWeeks })
  @Optional() @IsInt() @Min(ROSTER_LIMITS.minCareWeeks) @Max(ROSTER_LIMITS.maxCareWeeks)
  careEveryWeeks?: number;
}

export class RosterEntryUpdateDto implements RosterEntryUpdate {
  @ApiPropertyOptional({ enum: CareTag, enumName: 'CareTag', isArray: true })
  @Optional() @IsArray() @ArrayUnique() @IsEnum(CareTag, { each: true })
  tags?: CareTagType[];

  @ApiPropertyOptional({ minimum: ROSTER_LIMITS.minCareWeeks, maximum: ROSTER_LIMITS.maxCareWeeks })
  @Optional() @IsInt() @Min(ROSTER_LIMITS.minCareWeeks) @Max(ROSTER_LIMITS.maxCareWeeks)
  careEveryWeeks?: number;
}

export class ContactLogDto implements ContactLogInput {
  @ApiProperty({ example: '2026-12-01' })
  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date: string;

  @ApiProperty({ enum: METHODS })
  @IsIn(METHODS)
  method: ContactMethodKind;

  @ApiPropertyOptional({ maxLength: ROSTER_LIMITS.note })
  @Optional() @IsString() @NotBlank() @MaxChars(ROSTER_LIMITS.note, '联系记录')
  note?: string;

  @ApiPropertyOptional()
  @Optional() @IsBoolean()
  requestFiled?: boolean;
}

// ---- responses ----

export class ConcernUpdateViewDto implements ConcernUpdateView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: OUTCOMES }) status: ConcernOutcome;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, nullable: true }) meetingId: string | null;
  @ApiProperty({ type: String, nullable: true }) meetingTitle: string | null;
  @ApiProperty() at: string;
}

export class ConcernSummaryView implements ConcernSummary {
  @ApiProperty() id: string;
  @ApiProperty() federationId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: STATUSES }) status: ConcernStatus;
  @ApiProperty() cosignCount: number;
  @ApiProperty({ description: '一位村民 unless she chose to show her name' }) authorLabel: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: ConcernUpdateViewDto, nullable: true }) latestUpdate: ConcernUpdateViewDto | null;
}

class ConcernLinkView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
}

export class ConcernDetailView extends ConcernSummaryView implements ConcernDetail {
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true }) photoUrl: string | null;
  @ApiProperty({ type: ConcernLinkView, nullable: true }) mergedInto: ConcernLinkView | null;
  @ApiProperty({ type: String, nullable: true, description: 'Author and moderators only' }) declineReason: string | null;
  @ApiProperty({ type: ConcernUpdateViewDto, isArray: true }) updates: ConcernUpdateViewDto[];
  @ApiProperty() isMine: boolean;
  @ApiProperty() cosignedByMe: boolean;
  @ApiProperty() canCosign: boolean;
  @ApiProperty() canModerate: boolean;
}

class AgendaItemView {
  @ApiProperty() concernId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: STATUSES }) status: ConcernStatus;
}

export class CouncilMeetingViewDto implements CouncilMeetingView {
  @ApiProperty() activityId: string;
  @ApiProperty() title: string;
  @ApiProperty() startsAt: string;
  @ApiProperty({ enum: ['upcoming', 'held'] }) status: 'upcoming' | 'held';
  @ApiProperty({ type: AgendaItemView, isArray: true }) agenda: AgendaItemView[];
  @ApiProperty({ type: String, nullable: true }) minutes: string | null;
}

class BoardCounts {
  @ApiProperty() raised: number;
  @ApiProperty() answered: number;
  @ApiProperty() done: number;
}

export class VoicesBoardView implements VoicesBoard {
  @ApiProperty() federationId: string;
  @ApiProperty() federationName: string;
  @ApiProperty({ type: ConcernSummaryView, isArray: true }) concerns: ConcernSummaryView[];
  @ApiProperty({ type: CouncilMeetingViewDto, isArray: true }) meetings: CouncilMeetingViewDto[];
  @ApiProperty({ type: BoardCounts }) counts: BoardCounts;
}

export class RosterEntryViewDto implements RosterEntryView {
  @ApiProperty() id: string;
  @ApiProperty() federationId: string;
  @ApiProperty() memberUserId: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: no name; show personLabel (member)' }) memberName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null: no name; show personLabel (resident)' }) name: string | null;
  @ApiProperty({ description: 'Masked unless the caller keeps this entry' }) phone: string;
  @ApiProperty({ enum: CareTag, enumName: 'CareTag', isArray: true }) tags: CareTagType[];
  @ApiProperty({ enum: ['invitation', 'recorded'] }) joinedBy: 'invitation' | 'recorded';
  @ApiProperty() careEveryWeeks: number;
  @ApiProperty({ type: String, nullable: true }) lastContactDate: string | null;
  @ApiProperty() careDue: boolean;
}

export class ContactLogViewDto implements ContactLogView {
  @ApiProperty() id: string;
  @ApiProperty() date: string;
  @ApiProperty({ enum: METHODS }) method: ContactMethodKind;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() requestFiled: boolean;
}

export class RosterEntryDetailView extends RosterEntryViewDto implements RosterEntryDetail {
  @ApiProperty({ type: ContactLogViewDto, isArray: true }) contacts: ContactLogViewDto[];
}

export class RosterInvitationViewDto implements RosterInvitationView {
  @ApiProperty() code: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: no name; show personLabel (member)' }) memberName: string | null;
  @ApiProperty() federationName: string;
}
