import { Global, Inject, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import {
  CACHE_STORE,
  COORDINATION_EVENTS,
  COORDINATION_HEALTH,
  LOCK_SERVICE,
  PUB_SUB,
  RATE_LIMITER,
  type CacheStore,
  type CoordinationEvents,
  type CoordinationHealth,
  type LockService,
  type PubSub,
  type RateLimiter,
} from './coordination';
import {
  InProcessCacheStore,
  InProcessEvents,
  InProcessHealth,
  InProcessLockService,
  InProcessPubSub,
  InProcessRateLimiter,
} from './in-process';
import { RedisCacheStore, RedisHealth, RedisLockService, RedisPubSub, RedisRateLimiter } from './redis-backed';
import { DEGRADED_WITHOUT_REDIS, RedisLink, redisLocation } from './redis-link';
import { ResilientCacheStore, ResilientLockService, ResilientPubSub, ResilientRateLimiter } from './resilient';

const REDIS_CONNECTIONS = Symbol('REDIS_CONNECTIONS');

/** How long start-up waits for Redis before serving degraded (the link reports its return). */
const STARTUP_WAIT_MS = 3000;

interface RedisConnections {
  command: Redis;
  subscriber: Redis;
  link: RedisLink;
  pubsub: ResilientPubSub;
  prefix: string;
}

function connect(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    // While Redis is away a command fails at once instead of waiting in a queue (the default would
    // hold a request until Redis returns); one in flight when the connection drops fails too.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // A Redis that accepts but does not answer counts as away as well.
    commandTimeout: 1000,
    connectTimeout: 2000,
    // Try again soon and keep trying, at most a second apart: service is back within a second of Redis.
    retryStrategy: (attempt: number) => Math.min(100 * attempt, 1000),
    // The link resubscribes on return, before telling anyone Redis is back (see RedisLink).
    autoResubscribe: false,
  });
}

const connectionsProvider: Provider = {
  provide: REDIS_CONNECTIONS,
  inject: [APP_CONFIG],
  useFactory: async (config: AppConfig): Promise<RedisConnections | null> => {
    if (!config.redis) return null;
    const command = connect(config.redis.url, 'wfh-command');
    const subscriber = connect(config.redis.url, 'wfh-subscriber');
    const inner = new RedisPubSub(command, subscriber, config.redis.keyPrefix);
    let pubsub: ResilientPubSub | null = null;
    const link = new RedisLink([command, subscriber], redisLocation(config.redis.url), async () => {
      await inner.resubscribe();
      await pubsub?.subscribePending();
    });
    pubsub = new ResilientPubSub(inner, link);
    await link.whenReady(STARTUP_WAIT_MS);
    return { command, subscriber, link, pubsub, prefix: config.redis.keyPrefix };
  },
};

function bind<T>(token: symbol, redis: (c: RedisConnections) => T, local: () => T): Provider {
  return {
    provide: token,
    inject: [REDIS_CONNECTIONS],
    useFactory: (connections: RedisConnections | null) => (connections ? redis(connections) : local()),
  };
}

/**
 * Redis when configured, behind the resilient layer (a Redis outage degrades, never fails a
 * request); the in-process stand-ins in embedded mode.
 */
@Global()
@Module({
  providers: [
    connectionsProvider,
    bind<CacheStore>(CACHE_STORE, (c) => new ResilientCacheStore(new RedisCacheStore(c.command, c.prefix), c.link), () => new InProcessCacheStore()),
    bind<LockService>(LOCK_SERVICE, (c) => new ResilientLockService(new RedisLockService(c.command, c.prefix), c.link), () => new InProcessLockService()),
    bind<PubSub>(PUB_SUB, (c) => c.pubsub, () => new InProcessPubSub()),
    bind<RateLimiter>(RATE_LIMITER, (c) => new ResilientRateLimiter(new RedisRateLimiter(c.command, c.prefix), c.link), () => new InProcessRateLimiter()),
    bind<CoordinationHealth>(COORDINATION_HEALTH, (c) => new RedisHealth(c.command, DEGRADED_WITHOUT_REDIS), () => new InProcessHealth()),
    bind<CoordinationEvents>(COORDINATION_EVENTS, (c) => c.link, () => new InProcessEvents()),
  ],
  exports: [CACHE_STORE, LOCK_SERVICE, PUB_SUB, RATE_LIMITER, COORDINATION_HEALTH, COORDINATION_EVENTS],
})
export class CoordinationModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CONNECTIONS) private readonly connections: RedisConnections | null) {}

  async onApplicationShutdown() {
    if (!this.connections) return;
    this.connections.link.close();
    this.connections.subscriber.disconnect();
    await this.connections.command.quit().catch(() => this.connections!.command.disconnect());
  }
}
