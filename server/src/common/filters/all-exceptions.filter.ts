import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorReply } from './error-responses';

/** Every error a handler throws leaves the server in one shape: { code, message, fields?, requestId }. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    const { status, body, unexpected } = toErrorReply(exception);
    if (unexpected) request.log.error({ err: exception }, 'unexpected error');
    void response.status(status).send({ ...body, requestId: request.id });
  }
}
