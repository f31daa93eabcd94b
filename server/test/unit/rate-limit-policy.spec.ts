import { RATE_LIMITS, clientKey, rateLimitedMessage, type RateLimitPolicy } from '../../src/common/rate-limit/rate-limit.policy';

describe('rate limit policy', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    // One phone, two privacy addresses in its /64: one key.
    ['2408:8456:3e10:5a1c:8d2e:1f3a:77b0:12c4', '2408:8456:3e10:5a1c::/64'],
    ['2408:8456:3e10:5a1c::1', '2408:8456:3e10:5a1c::/64'],
    ['2408:8456:0:0a::1', '2408:8456:0:a::/64'],
    ['2408::1', '2408:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['2408:8456:3e10:5a1c::203.0.113.7', '2408:8456:3e10:5a1c::/64'],
  ])('counts %s under %s', (ip, key) => {
    expect(clientKey(ip)).toBe(key);
  });

  it('tells her in whole minutes when to try again, never less than one, with the hotline where waiting could hurt', () => {
    expect(rateLimitedMessage(1)).toBe('操作太频繁，请 1 分钟后再试');
    expect(rateLimitedMessage(61)).toBe('操作太频繁，请 2 分钟后再试');
    expect(rateLimitedMessage(3600, RATE_LIMITS.submitRequest.hint)).toBe(
      '操作太频繁，请 60 分钟后再试。情况紧急请直接拨打110报警，或拨打12338妇女维权热线',
    );
  });

  it('per-person limits are tighter than per-address ones, which leave room for a village behind one address', () => {
    for (const [name, policy] of Object.entries(RATE_LIMITS) as Array<[string, RateLimitPolicy]>) {
      // A limit that keeps a code from being guessed is tight on purpose (see the next test).
      if (policy.alwaysOn) continue;
      const perAddressPerHour = (policy.perIp.limit * 3600) / policy.perIp.windowSeconds;
      expect({ name, enough: perAddressPerHour >= 200 }).toEqual({ name, enough: true });
      if (policy.perUser) {
        const perPersonPerHour = (policy.perUser.limit * 3600) / policy.perUser.windowSeconds;
        expect({ name, tighter: perPersonPerHour * 5 <= perAddressPerHour }).toEqual({ name, tighter: true });
      }
    }
  });

  it('the rating code stays limited with RATE_LIMITS=off, tightly enough that a year of tries from one address finds no code of 31^10', () => {
    const policy: RateLimitPolicy = RATE_LIMITS.ratingCode;
    expect(policy.alwaysOn).toBe(true);
    const guessesPerAddressPerYear = (policy.perIp.limit * 365 * 24 * 3600) / policy.perIp.windowSeconds;
    expect(guessesPerAddressPerYear / 31 ** 10).toBeLessThan(1e-9);
  });
});
