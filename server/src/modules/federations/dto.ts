import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import {
  RegionLevel,
  RoleKind,
  type BodyMember,
  type FederationDetail,
  type FederationSummary,
  type UpdateFederationProfileRequest,
  PHONE_PATTERN,
} from '@wfh/shared';
import { NotBlank, Nullable, Optional } from '../../common/pipes/dto-decorators';

export class FederationSummaryView implements FederationSummary {
  @ApiProperty({ description: 'The region code of the body (2, 4, 6, 9 or 12 digits)' }) id: string;
  @ApiProperty({ example: '新台子镇妇联' }) name: string;
  @ApiProperty({ enum: RegionLevel, enumName: 'RegionLevel' }) level: RegionLevel;
  @ApiProperty({ example: '新台子镇' }) regionName: string;
  @ApiProperty() active: boolean;
}

export class FederationDetailView extends FederationSummaryView implements FederationDetail {
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty({ type: FederationSummaryView, isArray: true, description: 'Ancestors, province first' })
  breadcrumb: FederationSummaryView[];
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) officeHours: string | null;
}

export class UpdateFederationProfileDto implements UpdateFederationProfileRequest {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, description: 'null: clears it' })
  @Optional() @Nullable() @IsString() @NotBlank() @MaxLength(200)
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 32, example: '024-12345678', description: 'null: clears it' })
  @Optional() @Nullable() @IsString() @Matches(PHONE_PATTERN)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, example: '周一至周五 8:30-17:00', description: 'null: clears it' })
  @Optional() @Nullable() @IsString() @NotBlank() @MaxLength(100)
  officeHours?: string | null;
}

export class BodyMemberView implements BodyMember {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: RoleKind, enumName: 'RoleKind' }) role: RoleKind;
  @ApiProperty({ format: 'date-time' }) since: string;
}
