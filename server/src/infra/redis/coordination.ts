/**
 * What the server asks of Redis, as small interfaces. Production binds them to Redis so several
 * instances share them; the embedded mode binds in-process stand-ins with the same behaviour for one.
 */
export interface CacheStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  del(key: string): Promise<void>;
}

export interface Lease {
  /** Gives the lock back if this holder still has it; a lease that expired meanwhile is left alone. */
  release(): Promise<void>;
}

export interface LockService {
  /** The lock if nobody holds it, for at most `ttlMs`; null when another holder has it. */
  tryAcquire(name: string, ttlMs: number): Promise<Lease | null>;
}

export type MessageHandler = (message: string) => void;

export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  /** Returns the function that ends this subscription. */
  subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>>;
}

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit against `key` in a fixed window of `windowSeconds`, allowing `limit` hits. */
  hit(key: string, limit: number, windowSeconds: number): Promise<RateDecision>;
}

export interface CoordinationHealth {
  kind: 'redis' | 'in-process';
  ping(): Promise<void>;
  /** What the server does without while ping fails (it keeps serving). */
  degradedWhenDown: readonly string[];
}

export interface CoordinationEvents {
  /**
   * Runs `listener` each time Redis is back after an outage, once every subscription is made again:
   * messages published meanwhile are lost, so whatever they keep fresh should be rebuilt. Never
   * called in embedded mode (nothing can be lost there). Returns the function that removes it.
   */
  onRestored(listener: () => unknown): () => void;
}

export const CACHE_STORE = Symbol('CACHE_STORE');
export const LOCK_SERVICE = Symbol('LOCK_SERVICE');
export const PUB_SUB = Symbol('PUB_SUB');
export const RATE_LIMITER = Symbol('RATE_LIMITER');
export const COORDINATION_HEALTH = Symbol('COORDINATION_HEALTH');
export const COORDINATION_EVENTS = Symbol('COORDINATION_EVENTS');
