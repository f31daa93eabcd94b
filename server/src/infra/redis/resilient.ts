import { Logger } from '@nestjs/common';
import type { CacheStore, Lease, LockService, MessageHandler, PubSub, RateDecision, RateLimiter } from './coordination';
import type { RedisLink } from './redis-link';

/**
 * The Redis-backed services as callers see them in production: a Redis failure never reaches a
 * request. Each service degrades the way that is safe for it: the cache misses, rate limits let the
 * request through, locks are refused (sweeps skip a tick: they are idempotent and guarded by the
 * database), and a published change still reaches this instance's own subscribers. Commands fail at
 * once while Redis is away (no offline queue), so nothing waits on it.
 */
class Degrader {
  private readonly logger = new Logger('Redis');

  constructor(private readonly link: RedisLink) {}

  /** While Redis is down the link's one warning covers every failure; while it is up, a failure is news. */
  note(what: string, error: unknown): void {
    if (this.link.up) this.logger.warn(`${what} failed, degraded for this call: ${(error as Error).message}`);
  }
}

export class ResilientCacheStore implements CacheStore {
  private readonly degrade: Degrader;
  constructor(private readonly inner: CacheStore, link: RedisLink) {
    this.degrade = new Degrader(link);
  }
  async get(key: string) {
    try {
      return await this.inner.get(key);
    } catch (error) {
      this.degrade.note('cache read', error);
      return null;
    }
  }
  async set(key: string, value: string, ttlSeconds: number) {
    try {
      await this.inner.set(key, value, ttlSeconds);
    } catch (error) {
      this.degrade.note('cache write', error);
    }
  }
  async del(key: string) {
    try {
      await this.inner.del(key);
    } catch (error) {
      this.degrade.note('cache delete', error);
    }
  }
}

/** Fails closed: no Redis, no lease. A lease whose release fails simply runs out. */
export class ResilientLockService implements LockService {
  private readonly degrade: Degrader;
  constructor(private readonly inner: LockService, link: RedisLink) {
    this.degrade = new Degrader(link);
  }
  async tryAcquire(name: string, ttlMs: number): Promise<Lease | null> {
    let lease: Lease | null;
    try {
      lease = await this.inner.tryAcquire(name, ttlMs);
    } catch (error) {
      this.degrade.note(`lease ${name}`, error);
      return null;
    }
    if (!lease) return null;
    const held = lease;
    return {
      release: async () => {
        try {
          await held.release();
        } catch (error) {
          this.degrade.note(`release of lease ${name}`, error);
        }
      },
    };
  }
}

/** Fails open: a limit nobody can count is not enforced, rather than refusing every woman. */
export class ResilientRateLimiter implements RateLimiter {
  private readonly degrade: Degrader;
  constructor(private readonly inner: RateLimiter, link: RedisLink) {
    this.degrade = new Degrader(link);
  }
  async hit(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    try {
      return await this.inner.hit(key, limit, windowSeconds);
    } catch (error) {
      this.degrade.note('rate limit', error);
      return { allowed: true, remaining: limit, retryAfterSeconds: 0 };
    }
  }
}

/**
 * A message that cannot be published is delivered to this instance's own subscribers, so the
 * instance that made a change still sees it; the others rebuild when Redis returns. Handlers live
 * here, one Redis subscription per channel dispatching to them: a channel that could not be
 * subscribed while Redis was away is subscribed on its return (`subscribePending`).
 */
export class ResilientPubSub implements PubSub {
  private readonly degrade: Degrader;
  private readonly channels = new Map<string, { handlers: Set<MessageHandler>; end: (() => Promise<void>) | null }>();

  constructor(private readonly inner: PubSub, link: RedisLink) {
    this.degrade = new Degrader(link);
  }

  async publish(channel: string, message: string) {
    try {
      await this.inner.publish(channel, message);
    } catch (error) {
      this.degrade.note(`publish on ${channel}`, error);
      // Asynchronously, as Redis would deliver it: publishers never run subscribers' code inline.
      for (const handler of this.channels.get(channel)?.handlers ?? []) queueMicrotask(() => handler(message));
    }
  }

  async subscribe(channel: string, handler: MessageHandler) {
    let entry = this.channels.get(channel);
    const first = !entry;
    if (!entry) {
      entry = { handlers: new Set(), end: null };
      this.channels.set(channel, entry);
    }
    entry.handlers.add(handler);
    if (first) await this.subscribeInner(channel, entry);
    const subscribed = entry;
    return async () => {
      subscribed.handlers.delete(handler);
      if (subscribed.handlers.size > 0) return;
      this.channels.delete(channel);
      try {
        await subscribed.end?.();
      } catch (error) {
        this.degrade.note(`unsubscribe from ${channel}`, error);
      }
    };
  }

  /** Subscribes every channel whose subscription failed while Redis was away. Throws if Redis is gone again. */
  async subscribePending(): Promise<void> {
    for (const [channel, entry] of this.channels) {
      if (!entry.end) entry.end = await this.inner.subscribe(channel, (message) => this.dispatch(channel, message));
    }
  }

  private async subscribeInner(channel: string, entry: { end: (() => Promise<void>) | null }) {
    try {
      entry.end = await this.inner.subscribe(channel, (message) => this.dispatch(channel, message));
    } catch (error) {
      this.degrade.note(`subscribe to ${channel}`, error);
    }
  }

  private dispatch(channel: string, message: string) {
    for (const handler of this.channels.get(channel)?.handlers ?? []) handler(message);
  }
}
