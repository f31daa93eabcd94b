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

  /** The Redis call's answer, or `fallback` when it failed (noted). */
  async attempt<T>(what: string, call: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await call();
    } catch (error) {
      this.note(what, error);
      return fallback;
    }
  }
}

export class ResilientCacheStore implements CacheStore {
  private readonly degrade: Degrader;
  constructor(private readonly inner: CacheStore, link: RedisLink) {
    this.degrade = new Degrader(link);
  }
  get(key: string) {
    return this.degrade.attempt('cache read', () => this.inner.get(key), null);
  }
  set(key: string, value: string, ttlSeconds: number) {
    return this.degrade.attempt('cache write', () => this.inner.set(key, value, ttlSeconds), undefined);
  }
  del(key: string) {
    return this.degrade.attempt('cache delete', () => this.inner.del(key), undefined);
  }
}

/** Fails closed: no Redis, no lease. A lease whose release fails simply runs out. */
export class ResilientLockService implements LockService {
  private readonly degrade: Degrader;
  constructor(private readonly inner: LockService, link: RedisLink) {
    this.degrade = new Degrader(link);
  }
  async tryAcquire(name: string, ttlMs: number): Promise<Lease | null> {
    const lease = await this.degrade.attempt(`lease ${name}`, () => this.inner.tryAcquire(name, ttlMs), null);
    if (!lease) return null;
    return { release: () => this.degrade.attempt(`release of lease ${name}`, () => lease.release(), undefined) };
  }
}

/** Fails open: a limit nobody can count is not enforced, rather than refusing every woman. */
export class ResilientRateLimiter implements RateLimiter {
  private readonly degrade: Degrader;
  constructor(private readonly inner: RateLimiter, link: RedisLink) {
    this.degrade = new Degrader(link);
  }
  hit(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    return this.degrade.attempt('rate limit', () => this.inner.hit(key, limit, windowSeconds), { allowed: true, remaining: limit, retryAfterSeconds: 0 });
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
    const published = await this.degrade.attempt(`publish on ${channel}`, () => this.inner.publish(channel, message).then(() => true), false);
    // Asynchronously, as Redis would deliver it: publishers never run subscribers' code inline.
    if (!published) for (const handler of this.channels.get(channel)?.handlers ?? []) queueMicrotask(() => handler(message));
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
      await this.degrade.attempt(`unsubscribe from ${channel}`, async () => subscribed.end?.(), undefined);
    };
  }

  /** Subscribes every channel whose subscription failed while Redis was away. Throws if Redis is gone again. */
  async subscribePending(): Promise<void> {
    for (const [channel, entry] of this.channels) {
      if (!entry.end) entry.end = await this.inner.subscribe(channel, (message) => this.dispatch(channel, message));
    }
  }

  private async subscribeInner(channel: string, entry: { end: (() => Promise<void>) | null }) {
    entry.end = await this.degrade.attempt(`subscribe to ${channel}`, () => this.inner.subscribe(channel, (message) => this.dispatch(channel, message)), null);
  }

  private dispatch(channel: string, message: string) {
    for (const handler of this.channels.get(channel)?.handlers ?? []) handler(message);
  }
}
