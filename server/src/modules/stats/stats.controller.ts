import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { ApiPaths, type Actor, type PublicBodyStats, type SubtreeStats } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { Public } from '../../common/auth/public.decorator';
import { PublicBodyStatsView, StatsQueryDto, SubtreeStatsView } from './dto';
import { StatsService } from './stats.service';

@ApiTags('stats')
@ApiBearerAuth()
@Controller()
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get(ApiPaths.federationStats)
  @ApiOperation({ summary: "A body's subtree: times in working minutes, overdue now, the four rates, weekly and by category" })
  @ApiOkResponse({ type: SubtreeStatsView })
  subtree(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Query() query: StatsQueryDto): Promise<SubtreeStats> {
    return this.stats.subtree(actor, id, query);
  }

  @Get(ApiPaths.federationStatsCsv)
  @ApiOperation({ summary: 'The same table as CSV' })
  @ApiProduces('text/csv')
  async subtreeCsv(
    @CurrentActor() actor: Actor | null,
    @Param('id') id: string,
    @Query() query: StatsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const rows = await this.stats.subtreeCsv(actor, id, query);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="stats-${id}-${query.from}-${query.to}.csv"`);
    return `\uFEFF${stringify(rows, { escape_formulas: true })}`;
  }

  @Public()
  @Get(ApiPaths.federationPublicStats)
  @ApiOperation({ summary: '工作公开: aggregate numbers of the last year, never a case' })
  @ApiOkResponse({ type: PublicBodyStatsView })
  publicStats(@Param('id') id: string): Promise<PublicBodyStats> {
    return this.stats.publicStats(id);
  }
}
