import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { WechatAccessToken } from '../../infra/wechat/access-token';
import { WechatSubscribeGateway } from '../../infra/wechat/subscribe-gateway';
import { LogGateway, NOTIFICATION_GATEWAY, OutboxWorker } from './outbox.worker';

/** WeChat subscribe messages when the mini-program's credentials and template are configured; the log otherwise. */
const gatewayProvider = {
  provide: NOTIFICATION_GATEWAY,
  inject: [APP_CONFIG, WechatAccessToken, getDataSourceToken()],
  useFactory: (config: AppConfig, token: WechatAccessToken, dataSource: DataSource) =>
    config.wechat.appId && config.wechat.secret && config.wechat.subscribeTemplateId
      ? new WechatSubscribeGateway(config, token, dataSource)
      : new LogGateway(),
};

@Global()
@Module({
  providers: [gatewayProvider, OutboxWorker],
  exports: [OutboxWorker],
})
export class NotificationsModule {}
