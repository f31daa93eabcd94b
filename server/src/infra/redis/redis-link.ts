import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

/**
 * What the server loses while Redis is away, in the words the warning and readiness use. Requests
 * keep being served: each of these degrades to something one instance can do alone.
 */
export const DEGRADED_WITHOUT_REDIS = [
  'shared cache (each instance caches alone)',
  'rate limits (not enforced: they fail open)',
  'cross-instance invalidation (other instances miss changes until Redis returns and they rebuild)',
  'sweep leases (escalation, outbox and reminder sweeps skip their ticks)',
] as const;

export type RestoredListener = () => unknown;

/** Where Redis is, without any password the URL may carry: this goes to the log. */
export function redisLocation(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'the configured Redis';
  }
}

/**
 * Watches the command and subscriber connections and says, once each way, when Redis goes away and
 * when it is back. "Back" means both connections are ready and every channel is subscribed again;
 * only then do the restored listeners run, so whatever they rebuild cannot miss a message sent after.
 */
export class RedisLink {
  private readonly logger = new Logger('Redis');
  private state: 'starting' | 'up' | 'down' = 'starting';
  private restoring = false;
  private closing = false;
  private readonly listeners = new Set<RestoredListener>();

  constructor(
    private readonly connections: Redis[],
    private readonly location: string,
    /** Runs before the listeners on every return: the subscriber's channels are subscribed again. */
    private readonly resubscribe: () => Promise<void>,
  ) {
    for (const connection of connections) {
      connection.on('ready', () => void this.ready());
      connection.on('close', () => this.markDown());
      // Without a listener ioredis prints every failed reconnect; the one warning below says it all.
      connection.on('error', () => undefined);
    }
  }

  get up(): boolean {
    return this.connections.every((c) => c.status === 'ready');
  }

  /** Resolves when both connections are ready, or false after `ms` (the server then starts degraded). */
  async whenReady(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!this.up && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    if (this.up) {
      if (this.state === 'starting') this.state = 'up';
      return true;
    }
    this.markDown();
    return false;
  }

  /** Called each time Redis is back after an outage (not at the first connect). Returns the unsubscribe. */
  onRestored(listener: RestoredListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Shutting down: the connections are about to close on purpose. */
  close(): void {
    this.closing = true;
  }

  private markDown(): void {
    if (this.state === 'down' || this.closing) return;
    this.state = 'down';
    this.logger.warn(`Redis at ${this.location} is unreachable; serving on, degraded: ${DEGRADED_WITHOUT_REDIS.join('; ')}`);
  }

  /** One connection is ready; Redis counts as back once both are (at start-up one is often first). */
  private async ready(): Promise<void> {
    if (this.closing || !this.up) return;
    if (this.state === 'starting') {
      this.state = 'up';
      return;
    }
    if (this.state === 'up' || this.restoring) return;
    this.restoring = true;
    try {
      await this.resubscribe();
    } catch {
      // Gone again before the channels were back: its 'close' keeps us down, its next 'ready' retries.
      return;
    } finally {
      this.restoring = false;
    }
    if (!this.up || this.closing) return;
    this.state = 'up';
    this.logger.log(`Redis at ${this.location} is back: shared cache, rate limits, cross-instance invalidation and sweep leases restored`);
    for (const listener of this.listeners) {
      void Promise.resolve()
        .then(listener)
        .catch((error) => this.logger.error(`a listener for Redis's return failed: ${(error as Error).message}`));
    }
  }
}
