import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type Actor, type DataDeletionResult, type MyDataExport } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { DataDeletionService } from './data-deletion.service';
import { DataDeletionDto, DataDeletionResultView, MyDataExportView } from './dto';
import { MyDataService } from './my-data.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller()
export class MyDataController {
  constructor(
    private readonly myData: MyDataService,
    private readonly deletion: DataDeletionService,
  ) {}

  @Get(ApiPaths.myData)
  @ApiOperation({ summary: 'Everything held about her, decrypted, as one JSON (her copy; audited)' })
  @ApiOkResponse({ type: MyDataExportView })
  export(@CurrentActor() actor: Actor | null): Promise<MyDataExport> {
    return this.myData.export(actor);
  }

  @Post(ApiPaths.myDataDeletion)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Delete her account and data: requests stay anonymised for statistics; refused while a request of hers is open or she holds a role',
  })
  @ApiOkResponse({ type: DataDeletionResultView })
  delete(@CurrentActor() actor: Actor | null, @Body() _body: DataDeletionDto): Promise<DataDeletionResult> {
    return this.deletion.delete(actor);
  }
}
