import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import {
  RegionLevel,
  ServiceCategoryKey,
  type BodyStats,
  type CategoryCount,
  type PublicBodyStats,
  type StatsQuery,
  type SubtreeStats,
  type WeekStats,
} from '@wfh/shared';

export class StatsQueryDto implements StatsQuery {
  @ApiProperty({ example: '2026-01-01', description: 'Local date, included' })
  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from: string;

  @ApiProperty({ example: '2026-12-31', description: 'Local date, included; at most a year after from' })
  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to: string;
}

class RangeView implements StatsQuery {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
}

const rate = { type: Number, nullable: true, description: 'A share in [0, 1]; null when nothing to divide by' } as const;
const minutes = { type: Number, nullable: true, description: 'Working minutes' } as const;

export class BodyStatsView implements BodyStats {
  @ApiProperty() federationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: RegionLevel, enumName: 'RegionLevel' }) level: RegionLevel;
  @ApiProperty() received: number;
  @ApiProperty(minutes) firstResponseMedianMinutes: number | null;
  @ApiProperty(minutes) firstResponseP90Minutes: number | null;
  @ApiProperty(minutes) resolutionMedianMinutes: number | null;
  @ApiProperty(minutes) resolutionP90Minutes: number | null;
  @ApiProperty(rate) answeredWithinDeadline: number | null;
  @ApiProperty(rate) resolvedWithinDeadline: number | null;
  @ApiProperty() overdueNow: number;
  @ApiProperty() escalations: number;
  @ApiProperty(rate) satisfaction: number | null;
  @ApiProperty(rate) benefit: number | null;
  @ApiProperty(rate) awareness: number | null;
  @ApiProperty(rate) participation: number | null;
  @ApiProperty() womenSignedIn: number;
  @ApiProperty({ type: Number, nullable: true }) womenRegistered: number | null;
  @ApiProperty() activitiesHeld: number;
}

export class WeekStatsView implements WeekStats {
  @ApiProperty() week: string;
  @ApiProperty() received: number;
  @ApiProperty(minutes) firstResponseMedianMinutes: number | null;
  @ApiProperty(rate) answeredWithinDeadline: number | null;
}

export class CategoryCountView implements CategoryCount {
  @ApiProperty({ enum: ServiceCategoryKey, enumName: 'ServiceCategoryKey' }) categoryKey: ServiceCategoryKey;
  @ApiProperty() name: string;
  @ApiProperty() sensitive: boolean;
  @ApiProperty() received: number;
}

export class SubtreeStatsView implements SubtreeStats {
  @ApiProperty({ type: RangeView }) range: RangeView;
  @ApiProperty({ type: BodyStatsView }) total: BodyStatsView;
  @ApiProperty({ type: BodyStatsView, isArray: true }) children: BodyStatsView[];
  @ApiProperty({ type: WeekStatsView, isArray: true }) weeks: WeekStatsView[];
  @ApiProperty({ type: CategoryCountView, isArray: true }) categories: CategoryCountView[];
  @ApiProperty() generatedAt: string;
}

export class PublicBodyStatsView implements PublicBodyStats {
  @ApiProperty() federationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: RangeView }) range: RangeView;
  @ApiProperty() requestsAnswered: number;
  @ApiProperty(minutes) firstResponseMedianMinutes: number | null;
  @ApiProperty(rate) satisfaction: number | null;
  @ApiProperty() activitiesHeld: number;
  @ApiProperty() concernsAnswered: number;
}
