import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@wfh/shared';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { RATE_LIMITER, type RateDecision, type RateLimiter } from '../../infra/redis/coordination';
import type { AuthenticatedRequest } from '../auth/current-actor.decorator';
import { IS_PUBLIC } from '../auth/public.decorator';
import { AppException } from '../errors/app-exception';
import { RATE_LIMIT } from './rate-limit.decorator';
import { RATE_LIMITS, clientKey, rateLimitedMessage, type RateLimitName, type RateLimitPolicy } from './rate-limit.policy';

/**
 * Global, registered right after AuthGuard (app.module.ts) so that the signed-in person is known.
 * Routes without @RateLimit() pass untouched; the others count one hit per client address and,
 * when the policy has one, per person, in the shared RATE_LIMITER (Redis in production, so every
 * instance counts against the same numbers). RATE_LIMITS=off switches off all but the policies
 * marked alwaysOn.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = this.reflector.get<RateLimitName | undefined>(RATE_LIMIT, context.getHandler());
    if (!name) return true;
    const policy: RateLimitPolicy = RATE_LIMITS[name];
    if (!this.config.rateLimits.enabled && !policy.alwaysOn) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const hits: Array<Promise<RateDecision>> = [
      this.limiter.hit(`limit:${name}:ip:${clientKey(request.ip)}`, policy.perIp.limit, policy.perIp.windowSeconds),
    ];
    if (policy.perUser && request.actor) {
      hits.push(this.limiter.hit(`limit:${name}:user:${request.actor.userId}`, policy.perUser.limit, policy.perUser.windowSeconds));
    } else if (policy.perUser && !this.isPublic(context)) {
      // Only reachable with the guards registered in the wrong order: fail loudly rather than count nobody.
      throw new Error(`RateLimitGuard ran before AuthGuard on the per-person limit ${name}`);
    }
    const refused = (await Promise.all(hits)).filter((decision) => !decision.allowed);
    if (refused.length === 0) return true;
    const retryAfter = Math.max(...refused.map((decision) => decision.retryAfterSeconds));
    context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(retryAfter));
    throw new AppException(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RateLimited, undefined, rateLimitedMessage(retryAfter, policy.hint));
  }

  private isPublic(context: ExecutionContext): boolean {
    return this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]) === true;
  }
}
