import { randomUUID } from 'node:crypto';
import { CheckInCodes } from '../../src/modules/activities/check-in-codes';

describe('check-in codes', () => {
  const codes = new CheckInCodes('a-server-secret-of-reasonable-length');

  it('reads back the sign-up a genuine QR token names, and nothing from a forged or altered one', () => {
    const id = randomUUID();
    const token = codes.tokenFor(id);
    expect(codes.signupIdOf(token)).toBe(id);
    expect(codes.signupIdOf(` ${token}\n`)).toBe(id);
    const [prefix, , mac] = token.split('.');
    expect(codes.signupIdOf(`${prefix}.${randomUUID()}.${mac}`)).toBeNull();
    expect(codes.signupIdOf(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(codes.signupIdOf(id)).toBeNull();
    expect(codes.signupIdOf('')).toBeNull();
    expect(new CheckInCodes('another-server-secret-entirely').signupIdOf(token)).toBeNull();
  });

  it('gives each sign-up of an activity its own six digits, not a readable counter', () => {
    const activityId = randomUUID();
    const seen = new Set<string>();
    for (let seq = 1; seq <= 20_000; seq++) {
      const code = codes.shortCodeFor(activityId, seq);
      expect(CheckInCodes.looksLikeShortCode(code)).toBe(true);
      seen.add(code);
    }
    expect(seen.size).toBe(20_000);
    const consecutive = [1, 2, 3].map((seq) => Number(codes.shortCodeFor(activityId, seq)));
    expect(consecutive[1]! - consecutive[0]!).not.toBe(1);
    expect(codes.shortCodeFor(randomUUID(), 1)).not.toBe(codes.shortCodeFor(activityId, 1));
  });
});
