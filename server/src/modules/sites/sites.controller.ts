import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type Actor, type SiteDetail, type SiteSummary } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { Public } from '../../common/auth/public.decorator';
import { SiteDetailView, SiteInputDto, SiteSummaryView, UpdateSiteDto } from './dto';
import { SitesService } from './sites.service';

@ApiTags('sites')
@Controller()
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Public()
  @Get(ApiPaths.federationSites)
  @ApiOperation({ summary: "A body's sites women may visit (妇女之家, 妇女微家 …)" })
  @ApiOkResponse({ type: SiteSummaryView, isArray: true })
  list(@Param('id') id: string): Promise<SiteSummary[]> {
    return this.sites.visibleSitesOf(id);
  }

  @Get(ApiPaths.federationManagedSites)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Every site of a body, switched-off ones too (its chair, deputy or county admin)" })
  @ApiOkResponse({ type: SiteSummaryView, isArray: true })
  managed(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<SiteSummary[]> {
    return this.sites.managedSitesOf(actor, id);
  }

  @Post(ApiPaths.federationSites)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a site to a body (its chair, deputy or county admin)' })
  @ApiCreatedResponse({ type: SiteDetailView })
  create(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: SiteInputDto): Promise<SiteDetail> {
    return this.sites.create(actor, id, body);
  }

  @Public()
  @Get(ApiPaths.site)
  @ApiOperation({ summary: 'A site: address, hours, phone, services, whether it is open now' })
  @ApiOkResponse({ type: SiteDetailView })
  detail(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<SiteDetail> {
    return this.sites.detail(actor, id);
  }

  @Patch(ApiPaths.site)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Edit a site, or switch it off (active: false)' })
  @ApiOkResponse({ type: SiteDetailView })
  update(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: UpdateSiteDto): Promise<SiteDetail> {
    return this.sites.update(actor, id, body);
  }
}
