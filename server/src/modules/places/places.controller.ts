import { Controller, Get, Query } from '@nestjs/common';
import { RouteSchema } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type NearestResponse, type SearchResponse } from '@wfh/shared';
import { Public } from '../../common/auth/public.decorator';
import { NEAREST_RESPONSE_SCHEMA, NearestQueryDto, NearestResponseView, SearchQueryDto, SearchResponseView } from './dto';
import { PlacesService } from './places.service';

@ApiTags('places')
@Public()
@Controller()
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Get(ApiPaths.nearest)
  @ApiOperation({ summary: 'The k nearest sites and bodies to a point, with distances in metres' })
  @ApiOkResponse({ type: NearestResponseView })
  @RouteSchema({ response: { 200: NEAREST_RESPONSE_SCHEMA } })
  nearest(@Query() query: NearestQueryDto): NearestResponse {
    return this.places.nearest(query);
  }

  @Get(ApiPaths.search)
  @ApiOperation({ summary: 'Bodies and sites by (part of) their name, each with its full path' })
  @ApiOkResponse({ type: SearchResponseView })
  search(@Query() query: SearchQueryDto): Promise<SearchResponse> {
    return this.places.search(query);
  }
}
