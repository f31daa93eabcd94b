import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@wfh/shared';
import type { FastifyRequest } from 'fastify';

export interface AuthenticatedRequest extends FastifyRequest {
  actor?: Actor;
}

/** The signed-in person (her id and her role grants), set by the auth guard. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor | null => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().actor ?? null;
});
