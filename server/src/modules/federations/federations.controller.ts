import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type Actor, type BodyMember, type FederationDetail } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { Public } from '../../common/auth/public.decorator';
import { BodyMemberView, FederationDetailView, UpdateFederationProfileDto } from './dto';
import { FederationsService } from './federations.service';

@ApiTags('federations')
@Controller()
export class FederationsController {
  constructor(private readonly federations: FederationsService) {}

  @Public()
  @Get(ApiPaths.federation)
  @ApiOperation({ summary: 'A federation body with its parents (public)' })
  @ApiOkResponse({ type: FederationDetailView })
  detail(@Param('id') id: string): Promise<FederationDetail> {
    return this.federations.detail(id);
  }

  @Patch(ApiPaths.federation)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Edit a body's public contact details (its chair, township staff or county admin)" })
  @ApiOkResponse({ type: FederationDetailView })
  updateProfile(
    @CurrentActor() actor: Actor | null,
    @Param('id') id: string,
    @Body() body: UpdateFederationProfileDto,
  ): Promise<FederationDetail> {
    return this.federations.updateProfile(actor, id, body);
  }

  @Get(ApiPaths.federationMembers)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who holds which role at a body (roles reaching the body only)' })
  @ApiOkResponse({ type: BodyMemberView, isArray: true })
  members(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<BodyMember[]> {
    return this.federations.members(actor, id);
  }
}
