import { ApiProperty } from '@nestjs/swagger';
import { SiteKind, type SiteSummary, type WeeklyOpening } from '@wfh/shared';

export class WeeklyOpeningView implements WeeklyOpening {
  @ApiProperty({ minimum: 0, maximum: 6, description: '0 = Sunday' }) weekday: number;
  @ApiProperty({ example: '08:30' }) opens: string;
  @ApiProperty({ example: '17:00' }) closes: string;
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
  @ApiProperty({ type: String, isArray: true }) services: string[];
  @ApiProperty({ type: String, nullable: true }) chairPublicName: string | null;
  @ApiProperty({ type: String, nullable: true }) photoUrl: string | null;
  @ApiProperty({ description: 'Synthetic demo data, not a real place' }) isDemo: boolean;
}
