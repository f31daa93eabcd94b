import { HttpException, HttpStatus } from '@nestjs/common';
import { ERROR_MESSAGES, ErrorCode, type ErrorResponse } from '@wfh/shared';

/** Fastify's own failures (before a handler runs) mapped to our codes. */
const FASTIFY_CODES: Record<string, { status: HttpStatus; code: ErrorCode }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: HttpStatus.BAD_REQUEST, code: ErrorCode.MalformedJson },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: HttpStatus.BAD_REQUEST, code: ErrorCode.MalformedJson },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: HttpStatus.PAYLOAD_TOO_LARGE, code: ErrorCode.PayloadTooLarge },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, code: ErrorCode.MalformedJson },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: HttpStatus.BAD_REQUEST, code: ErrorCode.MalformedJson },
  FST_ERR_BAD_URL: { status: HttpStatus.NOT_FOUND, code: ErrorCode.RouteNotFound },
  FST_ERR_MAX_PARAM_LENGTH: { status: HttpStatus.NOT_FOUND, code: ErrorCode.RouteNotFound },
};

const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.RouteNotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  429: ErrorCode.RateLimited,
  503: ErrorCode.ServiceUnavailable,
};

export interface ErrorReply {
  status: number;
  body: ErrorResponse;
  /** Unknown errors are logged in full; the caller sees only a code and a calm sentence. */
  unexpected: boolean;
}

function reply(status: number, code: ErrorCode, message = ERROR_MESSAGES[code]): ErrorReply {
  return { status, body: { code, message }, unexpected: false };
}

function fastifyReply(error: unknown): ErrorReply | null {
  const known = FASTIFY_CODES[(error as { code?: string } | null)?.code ?? ''];
  return known ? reply(known.status, known.code) : null;
}

/** Decides what any thrown thing looks like to the caller. Internals never leak. */
export function toErrorReply(error: unknown): ErrorReply {
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    if (typeof response === 'object' && response !== null && 'code' in response) {
      return { status, body: response as ErrorResponse, unexpected: false };
    }
    // Nest wraps Fastify's own 4xx (malformed JSON, body too large) with the original as the cause.
    const wrapped = fastifyReply(error.cause);
    if (wrapped) return wrapped;
    // Nest's own exceptions (e.g. a route that does not exist) carry English text: replace it.
    const code = CODE_OF_STATUS[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.ValidationFailed);
    return { status, body: { code, message: ERROR_MESSAGES[code] }, unexpected: status >= 500 };
  }
  const direct = fastifyReply(error);
  if (direct) return direct;
  const status = (error as { statusCode?: number } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return reply(status, CODE_OF_STATUS[status] ?? ErrorCode.ValidationFailed);
  }
  if (isDatabaseUnavailable(error)) {
    return { ...reply(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.ServiceUnavailable), unexpected: true };
  }
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { code: ErrorCode.Internal, message: ERROR_MESSAGES[ErrorCode.Internal] }, unexpected: true };
}

/**
 * The database is away, restarting or out of connections: the request may succeed in a moment, so
 * 503 (clients retry), not 500. POOL_ACQUIRE_TIMEOUT is ours (database/pool-acquire-timeout.ts).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'POOL_CLOSED',
  'POOL_ACQUIRE_TIMEOUT',
]);

type DriverError = { code?: string; fatal?: boolean } | null | undefined;

function isDatabaseUnavailable(error: unknown): boolean {
  const outer = error as (DriverError & { driverError?: DriverError }) | null;
  // mysql2 marks every error that broke the connection itself as fatal (a closed socket, a connection
  // the server killed): whatever its code, the query did not fail on its own account.
  return [outer, outer?.driverError].some((e) => UNAVAILABLE_CODES.has(e?.code ?? '') || e?.fatal === true);
}
