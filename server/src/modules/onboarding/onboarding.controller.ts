import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiPaths, type Actor, type ImportProgress, type ImportReport } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { CountyKindParams, CountyProgressParams, FormatQuery, ImportProgressView, ImportQuery, ImportReportView } from './dto';
import { OnboardingService, type SpreadsheetFile } from './onboarding.service';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from './spreadsheet';
import { UPLOAD_CONTENT_TYPES } from './upload-parser';

function send(reply: FastifyReply, file: SpreadsheetFile): Buffer {
  reply.header('content-type', file.format === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE);
  // An ASCII name for old clients, the Chinese one (RFC 5987) for everyone else.
  reply.header('content-disposition', `attachment; filename="wfh-export.${file.format}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  return file.content;
}

@ApiTags('onboarding')
@ApiBearerAuth()
@Controller()
export class OnboardingController {
  constructor(private readonly onboarding: OnboardingService) {}

  @Get(ApiPaths.countyImportTemplate)
  @ApiOperation({ summary: "An import's template: its columns, example rows (marked 示例) and, in .xlsx, how to fill each column" })
  @ApiProduces(XLSX_CONTENT_TYPE, 'text/csv')
  async template(
    @CurrentActor() actor: Actor | null,
    @Param() params: CountyKindParams,
    @Query() query: FormatQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return send(reply, await this.onboarding.template(actor, params.countyId, params.kind, query.format ?? 'xlsx'));
  }

  @Post(ApiPaths.countyImport)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import a county spreadsheet (.xlsx or .csv as the raw body): a dry run by default; dryRun=false commits all or nothing',
    description: 'A commit with any problem is refused (400 IMPORT_HAS_PROBLEMS) with the same report and changes nothing. The same file twice: every row "leave".',
  })
  @ApiConsumes(...UPLOAD_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: ImportReportView })
  @ApiBadRequestResponse({ description: 'IMPORT_FILE_UNREADABLE, or IMPORT_HAS_PROBLEMS with the report' })
  import(@CurrentActor() actor: Actor | null, @Param() params: CountyKindParams, @Query() query: ImportQuery, @Body() file: Buffer): Promise<ImportReport> {
    return this.onboarding.import(actor, params.countyId, params.kind, query.dryRun !== 'false', file, query.progressId);
  }

  @Get(ApiPaths.countyImportProgress)
  @ApiOperation({
    summary: 'How far an import sent with this progressId has got: reading, checking n of the rows, writing n of the changes, done',
    description: 'Only to the admin who sent it; kept for a few minutes. Poll it while the import runs; its answer is the report.',
  })
  @ApiOkResponse({ type: ImportProgressView })
  @ApiNotFoundResponse({ description: 'IMPORT_PROGRESS_NOT_FOUND: not started yet, long finished, or not hers' })
  importProgress(@CurrentActor() actor: Actor | null, @Param() params: CountyProgressParams): Promise<ImportProgress> {
    return this.onboarding.importProgress(actor, params.countyId, params.progressId);
  }

  @Get(ApiPaths.countyExport)
  @ApiOperation({ summary: "The county's sites, bodies or people in the import's own columns (import it back: nothing changes)" })
  @ApiProduces(XLSX_CONTENT_TYPE, 'text/csv')
  async export(
    @CurrentActor() actor: Actor | null,
    @Param() params: CountyKindParams,
    @Query() query: FormatQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return send(reply, await this.onboarding.export(actor, params.countyId, params.kind, query.format ?? 'xlsx'));
  }
}
