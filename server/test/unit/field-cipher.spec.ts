import { randomBytes } from 'node:crypto';
import { FieldCipher } from '../../src/infra/crypto/field-cipher';

describe('FieldCipher', () => {
  const cipher = new FieldCipher(randomBytes(32));

  it('round-trips Chinese text and never stores it readable', () => {
    const text = '他昨晚又打了我，我想离开';
    const stored = cipher.encrypt(text);
    expect(stored).not.toContain(text);
    expect(Buffer.from(stored).toString('utf8')).not.toContain('离开');
    expect(cipher.decrypt(stored)).toBe(text);
  });

  it('gives different ciphertext for the same text, so equal secrets cannot be spotted', () => {
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it('refuses tampered ciphertext and a wrong key', () => {
    const stored = cipher.encrypt('secret');
    const parts = stored.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    expect(() => cipher.decrypt([...parts.slice(0, 3), flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => new FieldCipher(randomBytes(32)).decrypt(stored)).toThrow();
    expect(() => new FieldCipher(randomBytes(16))).toThrow('32 bytes');
  });

  it('reads values of a previous key during a rotation but writes only with the new one', () => {
    const oldKey = randomBytes(32);
    const before = new FieldCipher(oldKey, 'v1').encrypt('我想咨询离婚');
    const rotating = new FieldCipher(randomBytes(32), 'v2', { v1: oldKey });
    expect(rotating.decrypt(before)).toBe('我想咨询离婚');
    expect(rotating.isStale(before)).toBe(true);
    const rewritten = rotating.encrypt(rotating.decrypt(before));
    expect(rewritten.startsWith('v2.')).toBe(true);
    expect(rotating.isStale(rewritten)).toBe(false);
    expect(() => new FieldCipher(randomBytes(32), 'v2').decrypt(before)).toThrow('known key');
    expect(() => new FieldCipher(oldKey, 'v1', { v1: oldKey })).toThrow('both current and previous');
  });
});
