import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { FieldCipher } from './field-cipher';

@Global()
@Module({
  providers: [{ provide: FieldCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new FieldCipher(config.dataKey, config.dataKeyId, config.previousDataKeys) }],
  exports: [FieldCipher],
})
export class CryptoModule {}
