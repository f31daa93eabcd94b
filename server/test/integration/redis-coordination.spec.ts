import { Redis } from 'ioredis';
import { RedisCacheStore, RedisLockService, RedisPubSub, RedisRateLimiter } from '../../src/infra/redis/redis-backed';
import { flushTestRedis } from '../support/test-app';
import { TEST_REDIS_PREFIX, TEST_REDIS_URL } from '../support/services';

/** Two "instances": separate connections sharing one Redis, as two server processes would. */
describe('Redis-backed coordination across instances', () => {
  const connections: Redis[] = [];
  const connect = () => {
    const redis = new Redis(TEST_REDIS_URL);
    connections.push(redis);
    return redis;
  };
  beforeEach(() => flushTestRedis());
  afterAll(() => Promise.all(connections.map((c) => c.quit())));

  it('a lock taken by one instance is refused to the other until released', async () => {
    const a = new RedisLockService(connect(), TEST_REDIS_PREFIX);
    const b = new RedisLockService(connect(), TEST_REDIS_PREFIX);
    const lease = await a.tryAcquire('escalation-sweep', 10_000);
    expect(lease).not.toBeNull();
    expect(await b.tryAcquire('escalation-sweep', 10_000)).toBeNull();
    await lease!.release();
    expect(await b.tryAcquire('escalation-sweep', 10_000)).not.toBeNull();
  });

  it("a late release never frees the lock another instance took after expiry", async () => {
    const a = new RedisLockService(connect(), TEST_REDIS_PREFIX);
    const b = new RedisLockService(connect(), TEST_REDIS_PREFIX);
    const stale = await a.tryAcquire('sweep', 50);
    await new Promise((r) => setTimeout(r, 120));
    const fresh = await b.tryAcquire('sweep', 10_000);
    expect(fresh).not.toBeNull();
    await stale!.release();
    expect(await a.tryAcquire('sweep', 10_000)).toBeNull();
  });

  it('a message published by one instance reaches the subscribers of another', async () => {
    const publisher = new RedisPubSub(connect(), connect(), TEST_REDIS_PREFIX);
    const subscriber = new RedisPubSub(connect(), connect(), TEST_REDIS_PREFIX);
    const received = new Promise<string>((resolve) => void subscriber.subscribe('site-changed', resolve));
    await new Promise((r) => setTimeout(r, 50));
    await publisher.publish('site-changed', '211221101200');
    await expect(received).resolves.toBe('211221101200');
  });

  it('rate limits and cache entries are shared by all instances', async () => {
    const limiterA = new RedisRateLimiter(connect(), TEST_REDIS_PREFIX);
    const limiterB = new RedisRateLimiter(connect(), TEST_REDIS_PREFIX);
    const allowed = [];
    for (let i = 0; i < 3; i++) allowed.push((await (i % 2 ? limiterA : limiterB).hit('sign-in:ip', 2, 60)).allowed);
    expect(allowed).toEqual([true, true, false]);
    const refusal = await limiterA.hit('sign-in:ip', 2, 60);
    expect(refusal.retryAfterSeconds).toBeGreaterThan(0);
    expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(60);

    const cacheA = new RedisCacheStore(connect(), TEST_REDIS_PREFIX);
    const cacheB = new RedisCacheStore(connect(), TEST_REDIS_PREFIX);
    await cacheA.set('nearest:v', '3', 60);
    expect(await cacheB.get('nearest:v')).toBe('3');
    await cacheB.del('nearest:v');
    expect(await cacheA.get('nearest:v')).toBeNull();
  });
});
