import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import type { FailedMessageView, MessageChannel, SmsPreference } from '@wfh/shared';

export class SmsPreferenceDto implements SmsPreference {
  @ApiProperty({ description: 'false: 不要短信; no text is sent to her, the message fails with OPTED_OUT for the county to see' })
  @IsBoolean({ message: '请选择要不要短信' })
  enabled: boolean;
}

export class SmsPreferenceView implements SmsPreference {
  @ApiProperty() enabled: boolean;
}

export class FailedMessageViewDto implements FailedMessageView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'What it was about (求助有进展 …); never the category of a request' }) kindLabel: string;
  @ApiProperty({ description: 'Her name, or a label when there is none or it would point at a sensitive request' }) recipientLabel: string;
  @ApiProperty({ type: String, nullable: true, example: '138****0001' }) maskedPhone: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['wechat', 'sms', 'log'] }) channel: MessageChannel | null;
  @ApiProperty({ description: 'The code (NO_SUBSCRIPTION, OPTED_OUT, RATE_LIMITED, SMS_REFUSED: <Tencent code> …), then what to do' }) reason: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
