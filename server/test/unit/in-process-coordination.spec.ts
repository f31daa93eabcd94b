import {
  InProcessCacheStore,
  InProcessLockService,
  InProcessPubSub,
  InProcessRateLimiter,
} from '../../src/infra/redis/in-process';

function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('in-process stand-ins for Redis', () => {
  it('cache entries expire after their time to live', async () => {
    const clock = fakeClock();
    const cache = new InProcessCacheStore(clock.now);
    await cache.set('k', 'v', 10);
    expect(await cache.get('k')).toBe('v');
    clock.advance(10_000);
    expect(await cache.get('k')).toBeNull();
  });

  it('a lock has one holder until released or expired, and a stale release frees nothing', async () => {
    const clock = fakeClock();
    const locks = new InProcessLockService(clock.now);
    const first = await locks.tryAcquire('sweep', 5000);
    expect(first).not.toBeNull();
    expect(await locks.tryAcquire('sweep', 5000)).toBeNull();
    clock.advance(5000);
    const second = await locks.tryAcquire('sweep', 5000);
    expect(second).not.toBeNull();
    await first!.release();
    expect(await locks.tryAcquire('sweep', 5000)).toBeNull();
    await second!.release();
    expect(await locks.tryAcquire('sweep', 5000)).not.toBeNull();
  });

  it('pub/sub delivers to every subscriber until it unsubscribes', async () => {
    const bus = new InProcessPubSub();
    const seen: string[] = [];
    const stop = await bus.subscribe('sites', (m) => seen.push(`a:${m}`));
    await bus.subscribe('sites', (m) => seen.push(`b:${m}`));
    await bus.publish('sites', '1');
    await new Promise((r) => setImmediate(r));
    await stop();
    await bus.publish('sites', '2');
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['a:1', 'b:1', 'b:2']);
  });

  it('rate limits count within a window and start afresh after it', async () => {
    const clock = fakeClock();
    const limiter = new InProcessRateLimiter(clock.now);
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.hit('ip:1', 3, 60));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3].retryAfterSeconds).toBe(60);
    clock.advance(30_000);
    expect((await limiter.hit('ip:1', 3, 60)).retryAfterSeconds).toBe(30);
    clock.advance(30_000);
    expect(await limiter.hit('ip:1', 3, 60)).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
  });
});
