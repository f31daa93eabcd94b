import { HttpException, HttpStatus } from '@nestjs/common';
import { ERROR_MESSAGES, ErrorCode, type ErrorResponse, type FieldError } from '@wfh/shared';

/** The only way handlers fail on purpose: a status, a code from `shared` and a message for people. */
export class AppException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: ErrorCode,
    readonly fields?: FieldError[],
    message: string = ERROR_MESSAGES[code],
  ) {
    super({ code, message, ...(fields ? { fields } : {}) } satisfies ErrorResponse, status);
  }
}

export const badRequest = (code: ErrorCode, fields?: FieldError[], message?: string) =>
  new AppException(HttpStatus.BAD_REQUEST, code, fields, message);
export const unauthorized = (code: ErrorCode = ErrorCode.Unauthenticated) => new AppException(HttpStatus.UNAUTHORIZED, code);
export const forbidden = (code: ErrorCode = ErrorCode.Forbidden) => new AppException(HttpStatus.FORBIDDEN, code);
export const notFound = (code: ErrorCode = ErrorCode.NotFound) => new AppException(HttpStatus.NOT_FOUND, code);
export const conflict = (code: ErrorCode = ErrorCode.Conflict, message?: string) =>
  new AppException(HttpStatus.CONFLICT, code, undefined, message);
export const serviceUnavailable = (code: ErrorCode = ErrorCode.ServiceUnavailable) =>
  new AppException(HttpStatus.SERVICE_UNAVAILABLE, code);
