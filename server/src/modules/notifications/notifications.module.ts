import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { WechatAccessToken } from '../../infra/wechat/access-token';
import { WechatSubscribeGateway } from '../../infra/wechat/subscribe-gateway';
import { LogGateway, NOTIFICATION_GATEWAY, OutboxWorker } from './outbox.worker';
import { TencentSmsGateway } from '../../infra/sms/tencent-sms';
import { SMS_SENDER, SmsChannel } from './sms-channel';
import { SmsController } from './sms.controller';
import { SmsService } from './sms.service';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsService } from './subscriptions.service';

/** WeChat subscribe messages when the mini-program's credentials and templates are configured; the log otherwise. */
const gatewayProvider = {
  provide: NOTIFICATION_GATEWAY,
  inject: [APP_CONFIG, WechatAccessToken, getDataSourceToken()],
  useFactory: (config: AppConfig, token: WechatAccessToken, dataSource: DataSource) =>
    config.wechat.appId && config.wechat.secret && Object.keys(config.wechat.templates).length > 0
      ? new WechatSubscribeGateway(config, token, dataSource)
      : new LogGateway(),
};

/** Texts through Tencent Cloud SMS when SMS_* is configured; none otherwise (those messages fail with NO_CHANNEL). */
const smsSenderProvider = {
  provide: SMS_SENDER,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => (config.sms ? new TencentSmsGateway(config.sms) : null),
};

@Global()
@Module({
  controllers: [SubscriptionsController, SmsController],
  providers: [gatewayProvider, smsSenderProvider, SmsChannel, OutboxWorker, SubscriptionsService, SmsService],
  exports: [OutboxWorker],
})
export class NotificationsModule {}
