import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsString, Matches, Max, Min } from 'class-validator';
import {
  RegionLevel,
  RoleKind,
  type BodyMember,
  type FederationDetail,
  type FederationSummary,
  type UpdateFederationProfileRequest,
  PHONE_MESSAGE,
  PHONE_PATTERN,
} from '@wfh/shared';
import { NotBlank, Nullable, Optional, MaxChars } from '../../common/pipes/dto-decorators';

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
  @ApiProperty({ type: Number, nullable: true, description: 'The office (GCJ-02); null while nobody has set it' }) latitude: number | null;
  @ApiProperty({ type: Number, nullable: true }) longitude: number | null;
  @ApiProperty({ description: 'The location is demo data, not a real office' }) locationIsDemo: boolean;
}

export class UpdateFederationProfileDto implements UpdateFederationProfileRequest {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, description: 'null: clears it' })
  @Optional() @Nullable() @IsString() @NotBlank() @MaxChars(200, '地址')
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 32, example: '024-12345678', description: 'null: clears it' })
  @Optional() @Nullable() @IsString() @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, example: '周一至周五 8:30-17:00', description: 'null: clears it' })
  @Optional() @Nullable() @IsString() @NotBlank() @MaxChars(100, '办公时间')
  officeHours?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 42.2915, description: 'GCJ-02, within China, with longitude; null (both): clears the location' })
  @Optional() @Nullable() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-90) @Max(90)
  latitude?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 123.8421, description: 'GCJ-02, within China, with latitude' })
  @Optional() @Nullable() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-180) @Max(180)
  longitude?: number | null;
}

export class BodyMemberView implements BodyMember {
  @ApiProperty() userId: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: no name; show personLabel (member, since)' }) displayName: string | null;
  @ApiProperty({ enum: RoleKind, enumName: 'RoleKind' }) role: RoleKind;
  @ApiProperty({ format: 'date-time' }) since: string;
}
