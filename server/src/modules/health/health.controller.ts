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

  /**
   * Ready means "send me traffic". Without the database nothing can be served: 503, down, so the
   * load balancer takes the instance out. Without Redis every request is still served (see
   * infra/redis/resilient.ts), only shared extras are missing; taking every instance out during a
   * Redis outage would turn a degradation into a full outage, so the answer is 200, degraded, with
   * the list of what is missing for monitoring to show.
   */
  @Get(HealthPaths.ready)
  @ApiOperation({ summary: 'Readiness: 200 ok or degraded (Redis away, still serving), 503 down (no database)' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const [database, redis] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.coordination.ping()),
    ]);
    const status: HealthReport['status'] = !database.ok ? 'down' : redis.ok ? 'ok' : 'degraded';
    const report: HealthReport = {
      status,
      mode: this.config.mode,
      checks: { database, [this.coordination.kind === 'redis' ? 'redis' : 'coordination']: redis },
      ...(status === 'degraded' ? { degraded: [...this.coordination.degradedWhenDown] } : {}),
    };
    reply.status(status === 'down' ? 503 : 200);
    return report;
  }
}
