import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBooleanString, IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  ImportKind,
  type CsvEncoding,
  type ImportAction,
  type ImportCounts,
  type ImportPhase,
  type ImportProgress,
  type ImportProblem,
  type ImportReport,
  type ImportRowOutcome,
  type SpreadsheetFormat,
} from '@wfh/shared';

const FORMATS: SpreadsheetFormat[] = ['xlsx', 'csv'];

export class CountyKindParams {
  @ApiProperty({ example: '211221', description: "The county's 6-digit division code" })
  @IsString() @MaxLength(12)
  countyId: string;

  @ApiProperty({ enum: ImportKind, enumName: 'ImportKind' })
  @IsEnum(ImportKind)
  kind: ImportKind;
}

export class CountyProgressParams {
  @ApiProperty({ example: '211221', description: "The county's 6-digit division code" })
  @IsString() @MaxLength(12)
  countyId: string;

  @ApiProperty({ format: 'uuid', description: 'The id the client chose for the import (its progressId)' })
  @IsUUID()
  progressId: string;
}

export class FormatQuery {
  @ApiPropertyOptional({ enum: FORMATS, default: 'xlsx' })
  @IsOptional() @IsIn(FORMATS)
  format?: SpreadsheetFormat;
}

export class ImportQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: 'true (the default) only reports; false commits, all or nothing' })
  @IsOptional() @IsBooleanString()
  dryRun?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A UUID the client makes up: while the import runs, GET …/imports/progress/{progressId} says how far it is' })
  @IsOptional() @IsUUID()
  progressId?: string;
}

const PHASES: ImportPhase[] = ['reading', 'checking', 'writing', 'done'];

export class ImportProgressView implements ImportProgress {
  @ApiProperty({ enum: PHASES, description: 'reading the file, checking its rows, writing the changes (a commit only), done' })
  phase: ImportPhase;
  @ApiProperty({ description: 'Rows checked, or changes written, so far' }) done: number;
  @ApiProperty({ description: 'Of how many: the data rows, or the changes; 0 while reading' }) total: number;
}

export class ImportRowOutcomeView implements ImportRowOutcome {
  @ApiProperty({ description: 'The row number as the spreadsheet shows it' }) row: number;
  @ApiProperty({ enum: ['create', 'change', 'leave'] }) action: ImportAction;
  @ApiProperty({ example: '新建妇女之家“懿路村妇女之家”（懿路村（新台子镇，211221101200））' }) summary: string;
}

export class ImportProblemView implements ImportProblem {
  @ApiProperty() row: number;
  @ApiProperty({ type: String, nullable: true, description: 'The column as the file names it' }) column: string | null;
  @ApiProperty({ example: '不认识的职务“妇联委员”，可以填写：主席、副主席、执委……' }) message: string;
}

export class ImportCountsView implements ImportCounts {
  @ApiProperty() rows: number;
  @ApiProperty() create: number;
  @ApiProperty() change: number;
  @ApiProperty() leave: number;
  @ApiProperty() badRows: number;
  @ApiProperty() problems: number;
  @ApiProperty() warnings: number;
}

export class ImportReportView implements ImportReport {
  @ApiProperty({ enum: ImportKind, enumName: 'ImportKind' }) kind: ImportKind;
  @ApiProperty({ enum: FORMATS }) format: SpreadsheetFormat;
  @ApiProperty({ type: String, nullable: true, enum: ['utf-8', 'utf-8-bom', 'gb18030'], description: 'How a CSV was decoded; null for .xlsx' })
  encoding: CsvEncoding | null;
  @ApiProperty({ type: String, nullable: true }) sheet: string | null;
  @ApiProperty() dryRun: boolean;
  @ApiProperty() committed: boolean;
  @ApiProperty({ type: ImportRowOutcomeView, isArray: true }) rows: ImportRowOutcomeView[];
  @ApiProperty({ type: ImportProblemView, isArray: true }) problems: ImportProblemView[];
  @ApiProperty({ type: ImportProblemView, isArray: true }) warnings: ImportProblemView[];
  @ApiProperty({ type: ImportCountsView }) counts: ImportCountsView;
}
