import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiPaths, ErrorCode, RegionLevel, type RegionDetail, type RegionNode } from '@wfh/shared';
import { Public } from '../../common/auth/public.decorator';
import { notFound } from '../../common/errors/app-exception';
import { RegionsRepository } from './regions.repository';

class RegionNodeView implements RegionNode {
  @ApiProperty({ example: '211221' }) code: string;
  @ApiProperty({ example: '铁岭县' }) name: string;
  @ApiProperty({ enum: RegionLevel, enumName: 'RegionLevel' }) level: RegionLevel;
  @ApiProperty() hasChildren: boolean;
}

class RegionDetailView extends RegionNodeView implements RegionDetail {
  @ApiProperty({ type: RegionNodeView, isArray: true, description: 'Ancestors, province first' }) breadcrumb: RegionNodeView[];
}

/** The region tree, for women who choose their village without sharing a location. Reads only. */
@ApiTags('regions')
@Public()
@Controller()
export class RegionsController {
  constructor(private readonly regions: RegionsRepository) {}

  @Get(ApiPaths.regions)
  @ApiOperation({ summary: 'The provinces (the top of the region tree)' })
  @ApiOkResponse({ type: RegionNodeView, isArray: true })
  provinces(): Promise<RegionNode[]> {
    return this.regions.provinces();
  }

  @Get(ApiPaths.region)
  @ApiOperation({ summary: 'A region with its breadcrumb' })
  @ApiOkResponse({ type: RegionDetailView })
  async detail(@Param('code') code: string): Promise<RegionDetail> {
    const path = await this.regions.pathTo(code);
    const region = path.at(-1);
    if (!region || region.code !== code) throw notFound(ErrorCode.RegionNotFound);
    return { ...region, breadcrumb: path.slice(0, -1) };
  }

  @Get(ApiPaths.regionChildren)
  @ApiOperation({ summary: 'The regions directly below a region' })
  @ApiOkResponse({ type: RegionNodeView, isArray: true })
  async children(@Param('code') code: string): Promise<RegionNode[]> {
    if (!(await this.regions.exists(code))) throw notFound(ErrorCode.RegionNotFound);
    return this.regions.childrenOf(code);
  }
}
