import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type AuthTokens, type DemoPerson } from '@wfh/shared';
import { Public } from '../../common/auth/public.decorator';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { AuthService } from './auth.service';
import { AuthTokensView, DemoPersonView, DevSignInDto, RefreshDto, WechatSignInDto } from './dto';

@ApiTags('auth')
@Public()
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post(ApiPaths.authWechat)
  @RateLimit('signIn')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with the code from wx.login' })
  @ApiOkResponse({ type: AuthTokensView })
  signInWithWechat(@Body() body: WechatSignInDto): Promise<AuthTokens> {
    return this.auth.signInWithWechat(body.code);
  }

  @Post(ApiPaths.authRefresh)
  @RateLimit('signIn')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for a new pair (each refresh token works once)' })
  @ApiOkResponse({ type: AuthTokensView })
  refresh(@Body() body: RefreshDto): Promise<AuthTokens> {
    return this.auth.refresh(body.refreshToken);
  }

  @Get(ApiPaths.authDevPeople)
  @ApiOperation({ summary: 'Development only: the seeded demo people one can sign in as' })
  @ApiOkResponse({ type: DemoPersonView, isArray: true })
  demoPeople(): Promise<DemoPerson[]> {
    return this.auth.demoPeople();
  }

  @Post(ApiPaths.authDev)
  @RateLimit('signIn')
  @HttpCode(200)
  @ApiOperation({ summary: 'Development only: sign in as a seeded demo person' })
  @ApiOkResponse({ type: AuthTokensView })
  signInAsDemoPerson(@Body() body: DevSignInDto): Promise<AuthTokens> {
    return this.auth.signInAsDemoPerson(body.personKey);
  }
}
