import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import type { HolidayCoverage, HolidayEntry, HolidayEntryKind, HolidaySource, HolidayYear, HolidayYearCoverage, SetHolidayYearInput } from '@wfh/shared';
import { NestedForm } from '../../common/pipes/dto-decorators';

const KINDS: HolidayEntryKind[] = ['holiday', 'workday'];

// The shape only, with generous bounds: what a date, a name or the list may be is checked by
// holidayEntriesProblems (shared), whose messages name the line and say what to change.
export class HolidayEntryDto implements HolidayEntry {
  @ApiProperty({ example: '2027-02-06' })
  @IsString() @MaxLength(20)
  date: string;

  @ApiProperty({ enum: KINDS, description: 'holiday: a day off (放假); workday: a weekend day worked (调休上班)' })
  @IsIn(KINDS)
  kind: HolidayEntryKind;

  @ApiProperty({ example: '春节', maxLength: 20 })
  @IsString() @MaxLength(100)
  name: string;
}

export class SetHolidayYearDto implements SetHolidayYearInput {
  @ApiProperty({ type: HolidayEntryDto, isArray: true, description: 'The whole year: replaces what was entered before; empty removes it' })
  @IsArray() @ArrayMaxSize(1000) @NestedForm(() => HolidayEntryDto, { each: true })
  entries: HolidayEntryDto[];
}

export class HolidayYearCoverageView implements HolidayYearCoverage {
  @ApiProperty() year: number;
  @ApiProperty() covered: boolean;
  @ApiProperty({ enum: ['library', 'entered'], nullable: true, type: String }) source: HolidaySource | null;
}

export class HolidayCoverageView implements HolidayCoverage {
  @ApiProperty({ type: HolidayYearCoverageView, isArray: true }) years: HolidayYearCoverageView[];
  @ApiProperty({ type: Number, isArray: true }) missing: number[];
}

export class HolidayEntryView implements HolidayEntry {
  @ApiProperty() date: string;
  @ApiProperty({ enum: KINDS }) kind: HolidayEntryKind;
  @ApiProperty() name: string;
}

export class HolidayYearView implements HolidayYear {
  @ApiProperty() year: number;
  @ApiProperty() libraryKnows: boolean;
  @ApiProperty({ type: HolidayEntryView, isArray: true }) entries: HolidayEntryView[];
  @ApiProperty({ type: String, nullable: true }) enteredAt: string | null;
  @ApiProperty({ type: String, nullable: true }) enteredByName: string | null;
}
