import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsString, IsUUID } from 'class-validator';
import { ApiPaths, type Actor, type CoverView, type SetCoverRequest } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { Nullable } from '../../common/pipes/dto-decorators';
import { CoverService } from './cover.service';

class SetCoverDto implements SetCoverRequest {
  @ApiProperty({ type: String, nullable: true, description: 'A deputy of this body, or null' })
  @Nullable() @IsString() @IsUUID()
  deputyUserId: string | null;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601()
  awayFrom: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601()
  awayUntil: string;
}

class CoverViewDto implements CoverView {
  @ApiProperty() chairUserId: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: no name; show personLabel (member)' }) chairName: string | null;
  @ApiProperty({ type: String, nullable: true }) deputyUserId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null with a deputyUserId: she has no name; without one: nobody' }) deputyName: string | null;
  @ApiProperty({ format: 'date-time' }) awayFrom: string;
  @ApiProperty({ format: 'date-time' }) awayUntil: string;
  @ApiProperty() current: boolean;
}

@ApiTags('cover')
@ApiBearerAuth()
@Controller()
export class CoverController {
  constructor(private readonly cover: CoverService) {}

  @Get(ApiPaths.federationCover)
  @ApiOperation({ summary: 'Chairs away now or soon, and who stands in' })
  @ApiOkResponse({ type: CoverViewDto, isArray: true })
  list(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<CoverView[]> {
    return this.cover.list(actor, id);
  }

  @Put(ApiPaths.federationCover)
  @ApiOperation({ summary: 'The chair sets her time away and the deputy who answers meanwhile' })
  @ApiOkResponse({ type: CoverViewDto, isArray: true })
  set(@CurrentActor() actor: Actor | null, @Param('id') id: string, @Body() body: SetCoverDto): Promise<CoverView[]> {
    return this.cover.set(actor, id, body);
  }

  @Delete(ApiPaths.federationCover)
  @ApiOperation({ summary: 'The chair is back early' })
  @ApiOkResponse({ type: CoverViewDto, isArray: true })
  end(@CurrentActor() actor: Actor | null, @Param('id') id: string): Promise<CoverView[]> {
    return this.cover.end(actor, id);
  }
}
