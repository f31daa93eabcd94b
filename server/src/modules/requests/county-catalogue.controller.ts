import { Body, Controller, Get, Param, ParseEnumPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNumber, Max, Min } from 'class-validator';
import { ApiPaths, RegionLevel, ServiceCategoryKey, type Actor, type ServiceCategory, type UpdateCategorySettingRequest } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { Optional } from '../../common/pipes/dto-decorators';
import { ServiceCategoryView } from './dto';
import { CountyCatalogueService } from './county-catalogue.service';

const HANDLING_LEVELS = [RegionLevel.Village, RegionLevel.Township, RegionLevel.County];

class UpdateCategorySettingDto implements UpdateCategorySettingRequest {
  @ApiPropertyOptional({ enum: HANDLING_LEVELS })
  @Optional() @IsIn(HANDLING_LEVELS)
  handlingLevel?: RegionLevel;

  @ApiPropertyOptional({ minimum: 0.5, maximum: 720, description: 'Working hours' })
  @Optional() @IsNumber() @Min(0.5) @Max(720)
  firstResponseHours?: number;

  @ApiPropertyOptional({ minimum: 0.5, maximum: 2000, description: 'Working hours' })
  @Optional() @IsNumber() @Min(0.5) @Max(2000)
  resolutionHours?: number;
}

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller()
export class CountyCatalogueController {
  constructor(private readonly catalogue: CountyCatalogueService) {}

  @Get(ApiPaths.countyCategories)
  @ApiOperation({ summary: "The categories as this county runs them (its admins only)" })
  @ApiOkResponse({ type: ServiceCategoryView, isArray: true })
  list(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<ServiceCategory[]> {
    return this.catalogue.list(actor, id);
  }

  @Patch(ApiPaths.countyCategory)
  @ApiOperation({ summary: "Change this county's handling level or deadlines of a category; audited" })
  @ApiOkResponse({ type: ServiceCategoryView, isArray: true })
  update(
    @CurrentActor() actor: Actor | null,
    @Param('id') id: string,
    // Typed string, not the enum: SWC's decorator metadata would hand the enum object to the global pipe.
    @Param('key', new ParseEnumPipe(ServiceCategoryKey)) key: string,
    @Body() body: UpdateCategorySettingDto,
  ): Promise<ServiceCategory[]> {
    return this.catalogue.update(actor, id, key as ServiceCategoryKey, body);
  }
}
