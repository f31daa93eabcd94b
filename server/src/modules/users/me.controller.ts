import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type Actor, type MeResponse } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { MeView, SetHomeDto, SetNameDto } from './dto';
import { UsersService } from './users.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller()
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get(ApiPaths.me)
  @ApiOperation({ summary: 'The signed-in person, her roles and her village or community body' })
  @ApiOkResponse({ type: MeView })
  me(@CurrentActor() actor: Actor | null): Promise<MeResponse> {
    return this.users.me(actor);
  }

  @Put(ApiPaths.meHome)
  @ApiOperation({ summary: 'Confirm her village or community' })
  @ApiOkResponse({ type: MeView })
  setHome(@CurrentActor() actor: Actor | null, @Body() body: SetHomeDto): Promise<MeResponse> {
    return this.users.setHome(actor, body.federationId);
  }

  @Put(ApiPaths.meName)
  @ApiOperation({ summary: 'Set or clear the name she is shown by (not for a name from the county list)' })
  @ApiOkResponse({ type: MeView })
  setName(@CurrentActor() actor: Actor | null, @Body() body: SetNameDto): Promise<MeResponse> {
    return this.users.setName(actor, body.name);
  }
}
