import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type Actor, type AuthTokens, type DemoPerson } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { Public } from '../../common/auth/public.decorator';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { AuthService } from './auth.service';
import { AuthTokensView, DemoPersonView, DevSignInDto, RefreshDto, WechatSignInDto } from './dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post(ApiPaths.authWechat)
  @RateLimit('signIn')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with the code from wx.login' })
  @ApiOkResponse({ type: AuthTokensView })
  signInWithWechat(@Body() body: WechatSignInDto): Promise<AuthTokens> {
    return this.auth.signInWithWechat(body.code);
  }

  @Public()
  @Post(ApiPaths.authRefresh)
  @RateLimit('signIn')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for a new pair (each refresh token works once)' })
  @ApiOkResponse({ type: AuthTokensView })
  refresh(@Body() body: RefreshDto): Promise<AuthTokens> {
    return this.auth.refresh(body.refreshToken);
  }

  // Public: the refresh token is the proof, and signing out must work when the access token has expired.
  @Public()
  @Post(ApiPaths.authSignOut)
  @RateLimit('signIn')
  @HttpCode(204)
  @ApiOperation({ summary: "Sign out on this phone: its refresh token stops working (her other phones' sessions stay)" })
  @ApiNoContentResponse({ description: 'Signed out, or the token was already unknown' })
  signOut(@Body() body: RefreshDto): Promise<void> {
    return this.auth.signOut(body.refreshToken);
  }

  @Post(ApiPaths.authSignOutEverywhere)
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: '退出所有设备: every access and refresh token she holds stops working at once' })
  @ApiNoContentResponse({ description: 'Every session of hers has ended, this one included' })
  signOutEverywhere(@CurrentActor() actor: Actor | null): Promise<void> {
    return this.auth.signOutEverywhere(actor);
  }

  @Public()
  @Get(ApiPaths.authDevPeople)
  @ApiOperation({ summary: 'Development only: the seeded demo people one can sign in as' })
  @ApiOkResponse({ type: DemoPersonView, isArray: true })
  demoPeople(): Promise<DemoPerson[]> {
    return this.auth.demoPeople();
  }

  @Public()
  @Post(ApiPaths.authDev)
  @RateLimit('signIn')
  @HttpCode(200)
  @ApiOperation({ summary: 'Development only: sign in as a seeded demo person' })
  @ApiOkResponse({ type: AuthTokensView })
  signInAsDemoPerson(@Body() body: DevSignInDto): Promise<AuthTokens> {
    return this.auth.signInAsDemoPerson(body.personKey);
  }
}
