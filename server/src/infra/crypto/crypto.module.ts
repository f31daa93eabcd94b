import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { FieldCipher } from './field-cipher';
import { PhoneDigest } from './phone-digest';

@Global()
@Module({
  providers: [
    { provide: FieldCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new FieldCipher(config.dataKey, config.dataKeyId, config.previousDataKeys) },
    { provide: PhoneDigest, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new PhoneDigest(config.phoneDigestKey) },
  ],
  exports: [FieldCipher, PhoneDigest],
})
export class CryptoModule {}
