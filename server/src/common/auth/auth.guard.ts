import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode } from '@wfh/shared';
import { RolesRepository } from '../../modules/roles/roles.repository';
import { unauthorized } from '../errors/app-exception';
import type { AuthenticatedRequest } from './current-actor.decorator';
import { IS_PUBLIC } from './public.decorator';

export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
}

/**
 * Global: every route needs a valid access token unless marked @Public(). The token names the
 * person; her grants are read fresh from the database so a revoked role stops working at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(RolesRepository) private readonly roles: RolesRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    const header = request.headers.authorization;
    if (!header) {
      if (isPublic) return true;
      throw unauthorized(ErrorCode.Unauthenticated);
    }
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthorized(ErrorCode.TokenInvalid);
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch (error) {
      throw unauthorized((error as Error).name === 'TokenExpiredError' ? ErrorCode.TokenExpired : ErrorCode.TokenInvalid);
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') throw unauthorized(ErrorCode.TokenInvalid);
    // A woman who deleted her data: the tokens she had must stop at once, not when they expire.
    const grants = await this.roles.grantsOfLiveUser(claims.sub);
    if (grants === null) throw unauthorized(ErrorCode.TokenInvalid);
    request.actor = { userId: claims.sub, grants };
    return true;
  }
}
