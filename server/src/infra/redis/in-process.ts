import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type {
  CacheStore,
  CoordinationEvents,
  CoordinationHealth,
  Lease,
  LockService,
  MessageHandler,
  PubSub,
  RateDecision,
  RateLimiter,
} from './coordination';

/** Stand-ins for one process. Expiry is checked on read, so nothing needs a timer. */
class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, ttlMs: number): void {
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  expiresAt(key: string): number | undefined {
    return this.get(key) === undefined ? undefined : this.entries.get(key)!.expiresAt;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

export class InProcessCacheStore implements CacheStore {
  private readonly map: ExpiringMap<string>;
  constructor(now: () => number = Date.now) {
    this.map = new ExpiringMap(now);
  }
  async get(key: string) {
    return this.map.get(key) ?? null;
  }
  async set(key: string, value: string, ttlSeconds: number) {
    this.map.set(key, value, ttlSeconds * 1000);
  }
  async del(key: string) {
    this.map.delete(key);
  }
}

export class InProcessLockService implements LockService {
  private readonly holders: ExpiringMap<string>;
  constructor(now: () => number = Date.now) {
    this.holders = new ExpiringMap(now);
  }
  async tryAcquire(name: string, ttlMs: number): Promise<Lease | null> {
    if (this.holders.get(name) !== undefined) return null;
    const token = randomUUID();
    this.holders.set(name, token, ttlMs);
    return {
      release: async () => {
        if (this.holders.get(name) === token) this.holders.delete(name);
      },
    };
  }
}

export class InProcessPubSub implements PubSub {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  async publish(channel: string, message: string) {
    // Delivered asynchronously, as Redis would, so publishers never run subscribers' code inline.
    queueMicrotask(() => this.emitter.emit(channel, message));
  }
  async subscribe(channel: string, handler: MessageHandler) {
    this.emitter.on(channel, handler);
    return async () => {
      this.emitter.off(channel, handler);
    };
  }
}

export class InProcessRateLimiter implements RateLimiter {
  private readonly counters: ExpiringMap<number>;
  constructor(private readonly now: () => number = Date.now) {
    this.counters = new ExpiringMap(now);
  }
  async hit(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    const count = (this.counters.get(key) ?? 0) + 1;
    const expiresAt = this.counters.expiresAt(key);
    const ttlMs = expiresAt === undefined ? windowSeconds * 1000 : expiresAt - this.now();
    this.counters.set(key, count, ttlMs);
    return {
      allowed: count <= limit,
      remaining: Math.max(0, limit - count),
      retryAfterSeconds: count <= limit ? 0 : Math.ceil(ttlMs / 1000),
    };
  }
}

export class InProcessHealth implements CoordinationHealth {
  readonly kind = 'in-process' as const;
  readonly degradedWhenDown = [];
  async ping() {}
}

/** One process loses no messages: nothing ever needs restoring. */
export class InProcessEvents implements CoordinationEvents {
  onRestored(): () => void {
    return () => undefined;
  }
}
