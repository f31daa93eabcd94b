import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  FEEDBACK_LIMITS,
  PHONE_PATTERN,
  RoleKind,
  ServiceCategoryKey,
  type FeedbackInput,
  type FeedbackKind,
  type FeedbackReplyInput,
  type FeedbackView,
  type RevokeRoleInput,
  type RoleInvitationInput,
  type RoleInvitationView,
  type RoutingPreview,
  type RoutingPreviewInput,
  type RoutingRuleInput,
  type RoutingRuleView,
  type SetBodyActiveInput,
  type SetRegisteredWomenInput,
} from '@wfh/shared';
import { NotBlank, Nullable, Optional, MaxChars } from '../../common/pipes/dto-decorators';

const CODE = /^\d{2,12}$/;
const KINDS: FeedbackKind[] = ['complaint', 'suggestion'];

export class SetBodyActiveDto implements SetBodyActiveInput {
  @ApiProperty() @IsBoolean() active: boolean;
}

export class SetRegisteredWomenDto implements SetRegisteredWomenInput {
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1_000_000, description: 'null: not known (the rates that need it are not shown)' })
  @Nullable() @IsInt() @Min(0) @Max(1_000_000)
  registeredWomen: number | null;
}

export class RoleInvitationDto implements RoleInvitationInput {
  @ApiProperty({ enum: RoleKind, enumName: 'RoleKind' }) @IsEnum(RoleKind) role: RoleKind;
  @ApiProperty({ maxLength: 40 }) @IsString() @NotBlank() @MaxChars(40, '被邀请人的名字') inviteeName: string;
}

export class RevokeRoleDto implements RevokeRoleInput {
  @ApiProperty() @IsString() @NotBlank() @MaxLength(36) userId: string;
  @ApiProperty({ enum: RoleKind, enumName: 'RoleKind' }) @IsEnum(RoleKind) role: RoleKind;
}

export class RoutingRuleDto implements RoutingRuleInput {
  @ApiProperty({ example: '211221' }) @IsString() @Matches(CODE) regionPrefix: string;
  @ApiProperty({ enum: ServiceCategoryKey, enumName: 'ServiceCategoryKey' }) @IsEnum(ServiceCategoryKey) categoryKey: ServiceCategoryKey;
  @ApiProperty({ example: '211221' }) @IsString() @Matches(CODE) targetFederationId: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 80, description: 'null or absent: no label' })
  @Optional() @Nullable() @IsString() @NotBlank() @MaxChars(80, '规则说明')
  label?: string | null;
}

export class RoutingPreviewDto implements RoutingPreviewInput {
  @ApiProperty({ enum: ServiceCategoryKey, enumName: 'ServiceCategoryKey' }) @IsEnum(ServiceCategoryKey) categoryKey: ServiceCategoryKey;
  @ApiProperty({ example: '211221101200' }) @IsString() @Matches(/^\d{12}$/) homeFederationId: string;
}

export class FeedbackDto implements FeedbackInput {
  @ApiProperty({ enum: KINDS }) @IsIn(KINDS) kind: FeedbackKind;
  @ApiProperty() @IsString() @Matches(CODE) federationId: string;
  @ApiProperty({ maxLength: FEEDBACK_LIMITS.text }) @IsString() @NotBlank() @MaxChars(FEEDBACK_LIMITS.text, '投诉建议') text: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null or absent: she leaves no number' })
  @Optional() @Nullable() @IsString() @Matches(PHONE_PATTERN)
  contactPhone?: string | null;
}

export class FeedbackReplyDto implements FeedbackReplyInput {
  @ApiProperty({ maxLength: FEEDBACK_LIMITS.reply }) @IsString() @NotBlank() @MaxChars(FEEDBACK_LIMITS.reply, '答复') reply: string;
}

// ---- responses ----

export class RoleInvitationViewDto implements RoleInvitationView {
  @ApiProperty() code: string;
  @ApiProperty({ enum: RoleKind, enumName: 'RoleKind' }) role: RoleKind;
  @ApiProperty() federationId: string;
  @ApiProperty() federationName: string;
  @ApiProperty() inviteeName: string;
  @ApiProperty() expiresAt: string;
}

export class RoutingRuleViewDto implements RoutingRuleView {
  @ApiProperty() id: string;
  @ApiProperty() regionPrefix: string;
  @ApiProperty({ enum: ServiceCategoryKey, enumName: 'ServiceCategoryKey' }) categoryKey: ServiceCategoryKey;
  @ApiProperty() targetFederationId: string;
  @ApiProperty({ type: String, nullable: true }) label: string | null;
  @ApiProperty() targetName: string;
}

export class RoutingPreviewView implements RoutingPreview {
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: String, nullable: true }) federationId: string | null;
  @ApiProperty({ type: String, nullable: true }) federationName: string | null;
  @ApiProperty() reason: string;
}

export class FeedbackViewDto implements FeedbackView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: KINDS }) kind: FeedbackKind;
  @ApiProperty() federationId: string;
  @ApiProperty() federationName: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: ['open', 'answered'] }) status: 'open' | 'answered';
  @ApiProperty({ type: String, nullable: true }) reply: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) answeredAt: string | null;
}
