import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { RATE_LIMITS, type RateLimitName, type RateLimitPolicy, type Window } from './rate-limit.policy';

export const RATE_LIMIT = 'wfh:rateLimit';

function summary(name: RateLimitName): string {
  const policy: RateLimitPolicy = RATE_LIMITS[name];
  const per = (w: Window) => `${w.limit} per ${w.windowSeconds / 60} min`;
  const user = policy.perUser ? `, ${per(policy.perUser)} per signed-in person` : '';
  const always = policy.alwaysOn ? ' (always on, even with RATE_LIMITS=off)' : '';
  return `Too many tries: RATE_LIMITED with a Retry-After header (seconds). Limits: ${per(policy.perIp)} per client address${user}${always}`;
}

/** Counts calls of this route against the named policy of rate-limit.policy.ts; RateLimitGuard does the counting. */
export const RateLimit = (name: RateLimitName) =>
  applyDecorators(
    SetMetadata(RATE_LIMIT, name),
    ApiTooManyRequestsResponse({
      description: summary(name),
      headers: { 'Retry-After': { description: 'Seconds until she may try again', schema: { type: 'integer' } } },
    }),
  );
