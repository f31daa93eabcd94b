import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type Actor, type MeResponse } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { MeView } from '../users/dto';
import { PhoneRolesDto } from './dto';
import { ListedRolesService } from './listed-roles.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller()
export class ListedRolesController {
  constructor(private readonly listedRoles: ListedRolesService) {}

  @Post(ApiPaths.mePhone)
  @RateLimit('signIn')
  @HttpCode(200)
  @ApiOperation({ summary: 'Share her WeChat phone number: a person the county listed gets her listed roles and name' })
  @ApiOkResponse({ type: MeView })
  claim(@CurrentActor() actor: Actor | null, @Body() body: PhoneRolesDto): Promise<MeResponse> {
    return this.listedRoles.claim(actor, body.code);
  }
}
