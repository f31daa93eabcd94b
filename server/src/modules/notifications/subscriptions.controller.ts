import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type Actor, type MySubscriptions } from '@wfh/shared';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { MySubscriptionsView, SubscriptionAnswersDto } from './subscriptions.dto';
import { SubscriptionsService } from './subscriptions.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller()
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get(ApiPaths.mySubscriptions)
  @ApiOperation({ summary: 'Her WeChat reminder grants per kind of message, with the template to ask for' })
  @ApiOkResponse({ type: MySubscriptionsView })
  mine(@CurrentActor() actor: Actor | null): Promise<MySubscriptions> {
    return this.subscriptions.mine(actor);
  }

  @Post(ApiPaths.mySubscriptions)
  @HttpCode(200)
  @ApiOperation({ summary: "Records what wx.requestSubscribeMessage answered: each accept lets the server send her one message of that template" })
  @ApiOkResponse({ type: MySubscriptionsView })
  record(@CurrentActor() actor: Actor | null, @Body() body: SubscriptionAnswersDto): Promise<MySubscriptions> {
    return this.subscriptions.record(actor, body);
  }
}
