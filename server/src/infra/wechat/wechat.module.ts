import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { CACHE_STORE, type CacheStore } from '../redis/coordination';
import { WechatAccessToken } from './access-token';
import { WechatClient } from './wechat.client';

/** WeChat's server APIs: one shared access token for sign-in, phone numbers and messages. */
@Global()
@Module({
  providers: [
    { provide: WechatAccessToken, inject: [APP_CONFIG, CACHE_STORE], useFactory: (config: AppConfig, cache: CacheStore) => new WechatAccessToken(config, cache) },
    WechatClient,
  ],
  exports: [WechatAccessToken, WechatClient],
})
export class WechatModule {}
