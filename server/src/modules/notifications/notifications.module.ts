import { Global, Module } from '@nestjs/common';
import { LogGateway, NOTIFICATION_GATEWAY, OutboxWorker } from './outbox.worker';

@Global()
@Module({
  providers: [{ provide: NOTIFICATION_GATEWAY, useClass: LogGateway }, OutboxWorker],
  exports: [OutboxWorker],
})
export class NotificationsModule {}
