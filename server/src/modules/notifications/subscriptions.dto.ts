import { ApiProperty } from '@nestjs/swagger';
import { IsObject, ValidateBy } from 'class-validator';
import {
  SUBSCRIBE_ANSWERS,
  SUBSCRIBE_TEMPLATES_PER_ASK,
  SUBSCRIPTION_KINDS,
  type MySubscriptions,
  type SubscribeAnswer,
  type SubscriptionAnswers,
  type SubscriptionCount,
  type SubscriptionKind,
} from '@wfh/shared';

/** WeChat's answer object as it came: template id → accept/reject/ban/filter, at most one call's worth. */
function IsSubscribeAnswers(): PropertyDecorator {
  return ValidateBy({
    name: 'subscribeAnswers',
    validator: {
      validate: (value) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= SUBSCRIBE_TEMPLATES_PER_ASK &&
        Object.values(value).every((answer) => (SUBSCRIBE_ANSWERS as readonly unknown[]).includes(answer)),
      defaultMessage: () => '提醒的回答不完整，请再点一次开通提醒',
    },
  });
}

export class SubscriptionAnswersDto implements SubscriptionAnswers {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...SUBSCRIBE_ANSWERS] },
    description: `What wx.requestSubscribeMessage answered, per template id (at most ${SUBSCRIBE_TEMPLATES_PER_ASK}); each accept grants one message`,
    example: { 'tmpl-request-update': 'accept' },
  })
  @IsObject() @IsSubscribeAnswers()
  answers: Record<string, SubscribeAnswer>;
}

class SubscriptionCountView implements SubscriptionCount {
  @ApiProperty({ enum: SUBSCRIPTION_KINDS }) kind: SubscriptionKind;
  @ApiProperty({ type: String, nullable: true, description: 'The template to ask for; null when the server has none (development)' }) templateId: string | null;
  @ApiProperty({ description: 'Messages of this kind the server may still send her' }) remaining: number;
}

export class MySubscriptionsView implements MySubscriptions {
  @ApiProperty({ type: [SubscriptionCountView] }) kinds: SubscriptionCountView[];
}
