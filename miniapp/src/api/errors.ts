import { ERROR_MESSAGES, ErrorCode, type ErrorResponse, type FieldError } from '@wfh/shared';

/** The request never got an answer: no signal, a timeout, or the server is unreachable. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const NETWORK_MESSAGE = '网络不太好，请稍后再试';

export type ApiErrorCode = ErrorCode | typeof NETWORK_ERROR;

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: FieldError[];
  /** The whole error body, for the few errors that carry more than a message (a refused import's report). */
  readonly body: unknown;

  constructor(status: number, code: ApiErrorCode, message: string, fields: FieldError[] = [], body: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.body = body;
  }

  static network(): ApiError {
    return new ApiError(0, NETWORK_ERROR, NETWORK_MESSAGE);
  }
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null) return false;
  const { code, message } = body as Record<string, unknown>;
  return typeof code === 'string' && KNOWN_CODES.has(code) && typeof message === 'string';
}

/** Used when something between us and the API (a proxy, a gateway) answers without our error shape. */
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return ErrorCode.ValidationFailed;
    case 401:
      return ErrorCode.Unauthenticated;
    case 403:
      return ErrorCode.Forbidden;
    case 404:
      return ErrorCode.NotFound;
    case 409:
      return ErrorCode.Conflict;
    case 413:
      return ErrorCode.PayloadTooLarge;
    case 429:
      return ErrorCode.RateLimited;
    case 502:
    case 503:
    case 504:
      return ErrorCode.ServiceUnavailable;
    default:
      return ErrorCode.Internal;
  }
}

/** A text request (a CSV download) gets its error body as the server wrote it: JSON, unparsed. */
function parsed(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

export function apiErrorFromResponse(status: number, raw: unknown): ApiError {
  const body = parsed(raw);
  if (isErrorResponse(body)) {
    const message = body.message.trim() || ERROR_MESSAGES[body.code];
    return new ApiError(status, body.code, message, body.fields ?? [], body);
  }
  const code = codeForStatus(status);
  return new ApiError(status, code, ERROR_MESSAGES[code]);
}
