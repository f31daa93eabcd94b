import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { HealthPaths, type HealthReport } from '@wfh/shared';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { Public } from '../../common/auth/public.decorator';
import { COORDINATION_HEALTH, type CoordinationHealth } from '../../infra/redis/coordination';

const CHECK_TIMEOUT_MS = 1500;

async function check(probe: () => Promise<unknown>): Promise<{ ok: boolean; detail?: string }> {
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(COORDINATION_HEALTH) private readonly coordination: CoordinationHealth,
  ) {}

  /** The process answers: depends on nothing, so a load balancer never kills it for a database blip. */
  @Get(HealthPaths.live)
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get(HealthPaths.ready)
  @ApiOperation({ summary: 'Readiness: the database and Redis (or their embedded stand-ins) answer' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const [database, redis] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.coordination.ping()),
    ]);
    const report: HealthReport = {
      status: database.ok && redis.ok ? 'ok' : 'down',
      mode: this.config.mode,
      checks: { database, [this.coordination.kind === 'redis' ? 'redis' : 'coordination']: redis },
    };
    reply.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
