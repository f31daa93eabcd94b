import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsInt, IsNumber, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  RegionLevel,
  ServiceCategoryKey,
  SiteKind,
  type NearbyPlace,
  type NearestQuery,
  type NearestResponse,
  type PlaceType,
  type SearchHit,
  type SearchResponse,
} from '@wfh/shared';
import { Optional } from '../../common/pipes/dto-decorators';
import { CompiledValidation } from '../../common/pipes/validation';
import { parseNearestQuery } from './nearest-query.parser';
import { NEAREST_DEFAULTS } from './place-catalog';

const PLACE_TYPES: PlaceType[] = ['site', 'body'];

/** Query strings carry text: "true"/"false" become booleans, anything else stays and fails validation. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The rules of record; on the route, parseNearestQuery applies them (proved equal in its test). */
@CompiledValidation(parseNearestQuery)
export class NearestQueryDto implements NearestQuery {
  @ApiProperty({ minimum: -90, maximum: 90, example: 42.223, description: 'GCJ-02, as WeChat and Chinese maps give it' })
  @Type(() => Number) @IsNumber() @Min(-90) @Max(90)
  latitude: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: 123.728, description: 'GCJ-02' })
  @Type(() => Number) @IsNumber() @Min(-180) @Max(180)
  longitude: number;

  @ApiPropertyOptional({ minimum: 1, maximum: NEAREST_DEFAULTS.maxK, default: NEAREST_DEFAULTS.k })
  @Optional() @Type(() => Number) @IsInt() @Min(1) @Max(NEAREST_DEFAULTS.maxK)
  k?: number;

  @ApiPropertyOptional({ enum: PLACE_TYPES })
  @Optional() @IsIn(PLACE_TYPES)
  type?: PlaceType;

  @ApiPropertyOptional({ enum: SiteKind, enumName: 'SiteKind' })
  @Optional() @IsEnum(SiteKind)
  kind?: SiteKind;

  @ApiPropertyOptional({ enum: ServiceCategoryKey, enumName: 'ServiceCategoryKey' })
  @Optional() @IsEnum(ServiceCategoryKey)
  service?: ServiceCategoryKey;

  @ApiPropertyOptional({ description: 'Only sites open now (Asia/Shanghai, holidays and 调休 counted)' })
  @Optional() @Transform(toBoolean) @IsBoolean()
  openNow?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: NEAREST_DEFAULTS.maxRadiusMetres, default: NEAREST_DEFAULTS.radiusMetres })
  @Optional() @Type(() => Number) @IsInt() @Min(1) @Max(NEAREST_DEFAULTS.maxRadiusMetres)
  radiusMetres?: number;
}

export class NearbyPlaceView implements NearbyPlace {
  @ApiProperty({ enum: PLACE_TYPES }) type: PlaceType;
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() federationId: string;
  @ApiProperty({ enum: SiteKind, enumName: 'SiteKind', nullable: true }) kind: SiteKind | null;
  @ApiProperty({ enum: RegionLevel, enumName: 'RegionLevel', nullable: true }) level: RegionLevel | null;
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
  @ApiProperty({ description: 'Great-circle distance, whole metres' }) distanceMetres: number;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ enum: ServiceCategoryKey, enumName: 'ServiceCategoryKey', isArray: true }) services: ServiceCategoryKey[];
  @ApiProperty({ type: Boolean, nullable: true, description: 'Sites only' }) openNow: boolean | null;
  @ApiProperty() isDemo: boolean;
}

export class NearestResponseView implements NearestResponse {
  @ApiProperty({ type: NearbyPlaceView, isArray: true }) items: NearbyPlaceView[];
}

const nullable = (type: string) => ({ type: [type, 'null'] });

/** Typed by NearbyPlace, so that a field added there and forgotten here does not compile. */
const NEARBY_PLACE_PROPERTIES: Record<keyof NearbyPlace, object> = {
  type: { type: 'string' },
  id: { type: 'string' },
  name: { type: 'string' },
  federationId: { type: 'string' },
  kind: nullable('string'),
  level: nullable('string'),
  latitude: { type: 'number' },
  longitude: { type: 'number' },
  distanceMetres: { type: 'integer' },
  address: nullable('string'),
  phone: nullable('string'),
  services: { type: 'array', items: { type: 'string' } },
  openNow: nullable('boolean'),
  isDemo: { type: 'boolean' },
};

/**
 * NearestResponseView for Fastify's serialiser, which compiles it once (fast-json-stringify) and
 * writes the answer without JSON.stringify's generic walk (issue #18). Every field is required: a
 * missing one fails loudly rather than vanishing from the answer.
 */
export const NEAREST_RESPONSE_SCHEMA = {
  type: 'object',
  required: ['items'],
  properties: {
    items: { type: 'array', items: { type: 'object', required: Object.keys(NEARBY_PLACE_PROPERTIES), properties: NEARBY_PLACE_PROPERTIES } },
  },
};

export class SearchQueryDto {
  @ApiProperty({ minLength: 1, maxLength: 20, example: '莲花' })
  @IsString() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @MinLength(1) @MaxLength(20)
  q: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @Optional() @Type(() => Number) @IsInt() @Min(1) @Max(50)
  limit?: number;
}

export class SearchHitView implements SearchHit {
  @ApiProperty({ enum: PLACE_TYPES }) type: PlaceType;
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() federationId: string;
  @ApiProperty({ enum: RegionLevel, enumName: 'RegionLevel', nullable: true }) level: RegionLevel | null;
  @ApiProperty({ enum: SiteKind, enumName: 'SiteKind', nullable: true }) kind: SiteKind | null;
  @ApiProperty({ example: '辽宁省 › 铁岭市 › 铁岭县' }) path: string;
}

export class SearchResponseView implements SearchResponse {
  @ApiProperty({ type: SearchHitView, isArray: true }) items: SearchHitView[];
}
