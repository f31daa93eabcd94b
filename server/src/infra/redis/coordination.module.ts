import { Global, Inject, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import {
  CACHE_STORE,
  COORDINATION_HEALTH,
  LOCK_SERVICE,
  PUB_SUB,
  RATE_LIMITER,
  type CacheStore,
  type CoordinationHealth,
  type LockService,
  type PubSub,
  type RateLimiter,
} from './coordination';
import {
  InProcessCacheStore,
  InProcessHealth,
  InProcessLockService,
  InProcessPubSub,
  InProcessRateLimiter,
} from './in-process';
import { RedisCacheStore, RedisHealth, RedisLockService, RedisPubSub, RedisRateLimiter } from './redis-backed';

const REDIS_CONNECTIONS = Symbol('REDIS_CONNECTIONS');

interface RedisConnections {
  command: Redis;
  subscriber: Redis;
  prefix: string;
}

function connect(url: string): Redis {
  // Fail a command quickly rather than queue it for ever: callers decide how to degrade.
  return new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false });
}

const connectionsProvider: Provider = {
  provide: REDIS_CONNECTIONS,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): RedisConnections | null =>
    config.redis
      ? { command: connect(config.redis.url), subscriber: connect(config.redis.url), prefix: config.redis.keyPrefix }
      : null,
};

function bind<T>(token: symbol, redis: (c: RedisConnections) => T, local: () => T): Provider {
  return {
    provide: token,
    inject: [REDIS_CONNECTIONS],
    useFactory: (connections: RedisConnections | null) => (connections ? redis(connections) : local()),
  };
}

@Global()
@Module({
  providers: [
    connectionsProvider,
    bind<CacheStore>(CACHE_STORE, (c) => new RedisCacheStore(c.command, c.prefix), () => new InProcessCacheStore()),
    bind<LockService>(LOCK_SERVICE, (c) => new RedisLockService(c.command, c.prefix), () => new InProcessLockService()),
    bind<PubSub>(PUB_SUB, (c) => new RedisPubSub(c.command, c.subscriber, c.prefix), () => new InProcessPubSub()),
    bind<RateLimiter>(RATE_LIMITER, (c) => new RedisRateLimiter(c.command, c.prefix), () => new InProcessRateLimiter()),
    bind<CoordinationHealth>(COORDINATION_HEALTH, (c) => new RedisHealth(c.command), () => new InProcessHealth()),
  ],
  exports: [CACHE_STORE, LOCK_SERVICE, PUB_SUB, RATE_LIMITER, COORDINATION_HEALTH],
})
export class CoordinationModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CONNECTIONS) private readonly connections: RedisConnections | null) {}

  async onApplicationShutdown() {
    if (!this.connections) return;
    this.connections.subscriber.disconnect();
    await this.connections.command.quit().catch(() => this.connections!.command.disconnect());
  }
}
