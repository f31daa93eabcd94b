import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type {
  CacheStore,
  CoordinationHealth,
  Lease,
  LockService,
  MessageHandler,
  PubSub,
  RateDecision,
  RateLimiter,
} from './coordination';

export class RedisCacheStore implements CacheStore {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}
  async get(key: string) {
    return this.redis.get(`${this.prefix}cache:${key}`);
  }
  async set(key: string, value: string, ttlSeconds: number) {
    await this.redis.set(`${this.prefix}cache:${key}`, value, 'EX', ttlSeconds);
  }
  async del(key: string) {
    await this.redis.del(`${this.prefix}cache:${key}`);
  }
}

/** Deletes the lock only while it still holds our token, so a late release never frees another holder's lock. */
const RELEASE_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export class RedisLockService implements LockService {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}
  async tryAcquire(name: string, ttlMs: number): Promise<Lease | null> {
    const key = `${this.prefix}lock:${name}`;
    const token = randomUUID();
    const ok = await this.redis.set(key, token, 'PX', ttlMs, 'NX');
    if (ok !== 'OK') return null;
    return {
      release: async () => {
        await this.redis.eval(RELEASE_IF_OWNER, 1, key, token);
      },
    };
  }
}

/** Subscriptions need a connection of their own: a subscribed Redis connection can run nothing else. */
export class RedisPubSub implements PubSub {
  private readonly handlers = new Map<string, Set<MessageHandler>>();

  constructor(private readonly publisher: Redis, private readonly subscriber: Redis, private readonly prefix: string) {
    subscriber.on('message', (channel: string, message: string) => {
      const name = channel.slice(prefix.length);
      for (const handler of this.handlers.get(name) ?? []) handler(message);
    });
  }

  async publish(channel: string, message: string) {
    await this.publisher.publish(`${this.prefix}${channel}`, message);
  }

  async subscribe(channel: string, handler: MessageHandler) {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      try {
        await this.subscriber.subscribe(`${this.prefix}${channel}`);
      } catch (error) {
        // Not subscribed, so not kept: the caller decides whether to try again.
        this.handlers.delete(channel);
        throw error;
      }
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0) {
        this.handlers.delete(channel);
        await this.subscriber.unsubscribe(`${this.prefix}${channel}`);
      }
    };
  }

  /** After a reconnect: a new connection starts with no subscriptions. */
  async resubscribe(): Promise<void> {
    const channels = [...this.handlers.keys()].map((name) => `${this.prefix}${name}`);
    if (channels.length > 0) await this.subscriber.subscribe(...channels);
  }
}

/** Fixed window: INCR, and the first hit of a window sets its expiry, in one round trip. */
const HIT = `local n = redis.call('incr', KEYS[1]) if n == 1 then redis.call('expire', KEYS[1], ARGV[1]) end return {n, redis.call('ttl', KEYS[1])}`;

export class RedisRateLimiter implements RateLimiter {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}
  async hit(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    const [count, ttl] = (await this.redis.eval(HIT, 1, `${this.prefix}rate:${key}`, windowSeconds)) as [number, number];
    return {
      allowed: count <= limit,
      remaining: Math.max(0, limit - count),
      retryAfterSeconds: count <= limit ? 0 : Math.max(1, ttl),
    };
  }
}

export class RedisHealth implements CoordinationHealth {
  readonly kind = 'redis' as const;
  constructor(private readonly redis: Redis, readonly degradedWhenDown: readonly string[]) {}
  async ping() {
    await this.redis.ping();
  }
}
