import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ServiceCategoryKey,
  SiteKind,
  type OpeningException,
  type SiteDetail,
  type SiteInput,
  type SiteSummary,
  type UpdateSiteRequest,
  type WeeklyOpening,
  PHONE_MESSAGE,
  PHONE_PATTERN,
} from '@wfh/shared';
import { NestedForm, NotBlank, Nullable, Optional, PartialInput, MaxChars } from '../../common/pipes/dto-decorators';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class WeeklyOpeningDto implements WeeklyOpening {
  @ApiProperty({ minimum: 0, maximum: 6, description: '0 = Sunday' })
  @IsInt() @Min(0) @Max(6)
  weekday: number;

  @ApiProperty({ example: '08:30' })
  @IsString() @Matches(TIME)
  opens: string;

  @ApiProperty({ example: '17:00', description: 'Earlier than opens: the hours run past midnight' })
  @IsString() @Matches(TIME)
  closes: string;
}

export class OpeningExceptionDto implements OpeningException {
  @ApiProperty({ example: '2026-10-02' })
  @IsString() @Matches(DATE)
  date: string;

  @ApiProperty()
  @IsBoolean()
  closed: boolean;

  @ApiPropertyOptional({ example: '09:00' })
  @Optional() @IsString() @Matches(TIME)
  opens?: string;

  @ApiPropertyOptional({ example: '12:00' })
  @Optional() @IsString() @Matches(TIME)
  closes?: string;
}

export class SiteInputDto implements SiteInput {
  @ApiProperty({ enum: SiteKind, enumName: 'SiteKind' })
  @IsEnum(SiteKind)
  kind: SiteKind;

  @ApiProperty({ maxLength: 80, example: '懿路村妇女之家' })
  @IsString() @NotBlank() @MaxChars(80, '名称')
  name: string;

  @ApiProperty({ maxLength: 200 })
  @IsString() @NotBlank() @MaxChars(200, '地址')
  address: string;

  @ApiProperty({ minimum: -90, maximum: 90, description: 'GCJ-02, within China' })
  @IsNumber() @Min(-90) @Max(90)
  latitude: number;

  @ApiProperty({ minimum: -180, maximum: 180 })
  @IsNumber() @Min(-180) @Max(180)
  longitude: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: '024-12345678', description: 'null: no phone (clears it)' })
  @Optional() @Nullable() @IsString() @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiProperty({ type: WeeklyOpeningDto, isArray: true })
  @IsArray() @ArrayMaxSize(28) @NestedForm(() => WeeklyOpeningDto, { each: true })
  openingHours: WeeklyOpeningDto[];

  @ApiPropertyOptional({ type: OpeningExceptionDto, isArray: true })
  @Optional() @IsArray() @ArrayMaxSize(366) @NestedForm(() => OpeningExceptionDto, { each: true })
  openingExceptions?: OpeningExceptionDto[];

  @ApiProperty({ enum: ServiceCategoryKey, enumName: 'ServiceCategoryKey', isArray: true })
  @IsArray() @ArrayUnique() @ArrayMaxSize(20) @IsEnum(ServiceCategoryKey, { each: true })
  services: ServiceCategoryKey[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 40, description: 'null: no name shown (clears it)' })
  @Optional() @Nullable() @IsString() @NotBlank() @MaxChars(40, '负责人称呼')
  chairPublicName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, description: 'null: no photo (clears it)' })
  @Optional() @Nullable() @IsString() @MaxLength(500) @IsUrl({ protocols: ['https'], require_protocol: true })
  photoUrl?: string | null;
}

export class UpdateSiteDto extends PartialInput(SiteInputDto) implements UpdateSiteRequest {
  @ApiPropertyOptional({ description: 'false hides the site from women; true shows it again' })
  @Optional() @IsBoolean()
  active?: boolean;
}

export class WeeklyOpeningView implements WeeklyOpening {
  @ApiProperty({ minimum: 0, maximum: 6, description: '0 = Sunday' }) weekday: number;
  @ApiProperty({ example: '08:30' }) opens: string;
  @ApiProperty({ example: '17:00' }) closes: string;
}

export class OpeningExceptionView implements OpeningException {
  @ApiProperty() date: string;
  @ApiProperty() closed: boolean;
  @ApiPropertyOptional() opens?: string;
  @ApiPropertyOptional() closes?: string;
}

export class SiteSummaryView implements SiteSummary {
  @ApiProperty() id: string;
  @ApiProperty() federationId: string;
  @ApiProperty({ enum: SiteKind, enumName: 'SiteKind' }) kind: SiteKind;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: WeeklyOpeningView, isArray: true }) openingHours: WeeklyOpeningView[];
  @ApiProperty({ type: OpeningExceptionView, isArray: true }) openingExceptions: OpeningExceptionView[];
  @ApiProperty({ enum: ServiceCategoryKey, enumName: 'ServiceCategoryKey', isArray: true }) services: ServiceCategoryKey[];
  @ApiProperty({ type: String, nullable: true }) chairPublicName: string | null;
  @ApiProperty({ type: String, nullable: true }) photoUrl: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Synthetic demo data, not a real place' }) isDemo: boolean;
}

export class SiteDetailView extends SiteSummaryView implements SiteDetail {
  @ApiProperty() federationName: string;
  @ApiProperty({ description: 'Open now (Asia/Shanghai, holidays and 调休 counted)' }) openNow: boolean;
}
