import { Body, Controller, Delete, Get, Headers, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type Actor, type ConsolePollResult, type ConsoleSessionView, type ConsoleSignInStart, type ConsoleSignInView } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { Public } from '../../common/auth/public.decorator';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { ConsoleSignInService } from './console-sign-in.service';
import { ConsolePollDto, ConsolePollResultView, ConsoleSessionViewDto, ConsoleSignInStartView, ConsoleSignInViewDto } from './dto';

/** The staff console's QR sign-in: the PC's side is public (its secret is the proof), the phone's needs her. */
@ApiTags('console')
@Controller()
export class ConsoleSignInController {
  constructor(private readonly service: ConsoleSignInService) {}

  @Public()
  @Post(ApiPaths.consoleSignIns)
  @RateLimit('consoleSignIn')
  @ApiOperation({ summary: 'A PC asks to be signed in: an id for its QR code and a secret to poll with (2 minutes)' })
  @ApiCreatedResponse({ type: ConsoleSignInStartView })
  start(@Headers('user-agent') userAgent: string | undefined, @Ip() ip: string): Promise<ConsoleSignInStart> {
    return this.service.start({ userAgent, ip });
  }

  @Public()
  @Post(ApiPaths.consoleSignInPoll)
  @RateLimit('consoleSignIn')
  @HttpCode(200)
  @ApiOperation({ summary: 'The PC polls with its secret: pending, refused, expired, or confirmed with her tokens (once; then 404)' })
  @ApiOkResponse({ type: ConsolePollResultView })
  poll(@Param('id') id: string, @Body() body: ConsolePollDto): Promise<ConsolePollResult> {
    return this.service.poll(id, body.pollToken);
  }

  @Get(ApiPaths.consoleSignIn)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'What she is about to confirm on her phone: the browser, its address, when it asked' })
  @ApiOkResponse({ type: ConsoleSignInViewDto })
  view(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Ip() ip: string): Promise<ConsoleSignInView> {
    return this.service.view(actor, id, ip);
  }

  @Post(ApiPaths.consoleSignInConfirm)
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: 'She confirms: the PC will be signed in as her (chairs, deputies, township staff, county admins only)' })
  @ApiOkResponse({ type: ConsoleSignInViewDto })
  confirm(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Ip() ip: string): Promise<ConsoleSignInView> {
    return this.service.confirm(actor, id, ip);
  }

  @Post(ApiPaths.consoleSignInRefuse)
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: '不是我，取消: the PC is told no, and gets nothing' })
  @ApiNoContentResponse()
  refuse(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<void> {
    return this.service.refuse(actor, id);
  }

  @Get(ApiPaths.myConsoleSessions)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The PCs she is signed in on now' })
  @ApiOkResponse({ type: ConsoleSessionViewDto, isArray: true })
  sessions(@CurrentActor() actor: Actor | null): Promise<ConsoleSessionView[]> {
    return this.service.sessions(actor);
  }

  @Delete(ApiPaths.myConsoleSession)
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign one PC out: its next call answers 401 (CONSOLE_SESSION_ENDED) and it cannot renew its session' })
  @ApiNoContentResponse()
  end(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<void> {
    return this.service.end(actor, id);
  }
}
