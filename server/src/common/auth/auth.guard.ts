import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, isConsoleSignInId, mayUseConsole, type Actor } from '@wfh/shared';
import { RolesRepository } from '../../modules/roles/roles.repository';
import { unauthorized } from '../errors/app-exception';
import type { AuthenticatedRequest } from './current-actor.decorator';
import { IS_PUBLIC } from './public.decorator';

export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
  /** Her token generation when it was issued (app_user.token_generation); raising hers ends it. */
  gen: number;
  /** Only on a PC signed in by QR code: its console session (console_sign_in.id), checked on every call. */
  sid?: string;
}

/**
 * Global: every route needs a valid access token unless marked @Public(). The token names the
 * person; her grants are read fresh from the database so a revoked role stops working at once, and
 * so does every token issued before her sessions were ended.
 *
 * A PC's token (`sid`) is also checked against its console session in that same query, so ending
 * the session on her phone or signing out on the PC answers the PC's very next call with 401, on
 * every instance. The database is already read here on every call, so this costs one indexed
 * lookup in the same round trip and needs no cache, no invalidation through Redis and no list of
 * revoked ids: the state is the refresh tokens themselves, which every ending already deletes.
 * And the PC session is bound to her roles: without one the console is for, it ends too.
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
    const found = await this.actorOf(header);
    if (typeof found === 'string') {
      // A public page is the same for anyone signed out: a stale or broken token gets that view, not
      // an error she cannot act on there. Routes that need her still answer 401, which signs her in again.
      if (isPublic) return true;
      throw unauthorized(found);
    }
    request.actor = found;
    return true;
  }

  /** The person an Authorization header names, or why it names nobody. */
  private async actorOf(header: string): Promise<Actor | ErrorCode> {
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) return ErrorCode.TokenInvalid;
    let claims: Partial<AccessTokenClaims> & { exp?: unknown };
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims & { exp?: unknown }>(token, { algorithms: ['HS256'] });
    } catch (error) {
      return (error as Error).name === 'TokenExpiredError' ? ErrorCode.TokenExpired : ErrorCode.TokenInvalid;
    }
    // jsonwebtoken takes a token without `exp` for one that never expires, and one without `gen` could
    // never be ended: ours always carry both, so such a token was not made by this server's rules.
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return ErrorCode.TokenInvalid;
    if (typeof claims.gen !== 'number' || !Number.isSafeInteger(claims.gen)) return ErrorCode.TokenInvalid;
    if (claims.sid !== undefined && (typeof claims.sid !== 'string' || !isConsoleSignInId(claims.sid))) return ErrorCode.TokenInvalid;
    // One query: her grants, and whether her account still exists with this token's generation (and
    // for a PC, whether its session still holds a refresh token).
    const grants = await this.roles.grantsOfLiveSession(claims.sub, claims.gen, claims.sid);
    if (claims.sid === undefined) return grants === null ? ErrorCode.TokenInvalid : { userId: claims.sub, grants };
    // The PC is told in words why it has to be scanned in again.
    if (grants === null) return ErrorCode.ConsoleSessionEnded;
    if (!mayUseConsole(grants)) return ErrorCode.ConsoleRoleRevoked;
    return { userId: claims.sub, grants };
  }
}
