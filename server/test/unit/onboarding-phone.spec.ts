import { createHash } from 'node:crypto';
import { formatPhone, maskPhone, normalisePhone, PhoneDigest } from '../../src/infra/crypto/phone-digest';

describe('phone numbers, one spelling each', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-13812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['0410-1234567', '04101234567'],
    ['(0410) 123 4567', '04101234567'],
    ['024-87654321', '02487654321'],
    ['010-12345678', '01012345678'],
    ['+86 410 1234567', '04101234567'],
    ['0410-1234567转801', '04101234567-801'],
    ['400-123-4567', '4001234567'],
  ])('%s → %s', (written, normalised) => {
    expect(normalisePhone(written)).toEqual({ ok: true, phone: normalised });
  });

  it.each([
    ['1381234567', '手机号应当是11位，这里是10位'],
    ['7654321', '固定电话请加上区号'],
    ['1.38123E+10', '科学计数法'],
    ['+852 9123 4567', '中国大陆'],
    ['张春梅', '只能有数字'],
    ['', '请填写电话号码'],
  ])('refuses %s: %s', (written, words) => {
    expect(normalisePhone(written)).toEqual({ ok: false, message: expect.stringContaining(words) });
  });

  it('writes numbers back so a spreadsheet keeps them as text, and reads them again the same', () => {
    for (const phone of ['13812345678', '04101234567', '01012345678', '04101234567-801', '4001234567']) {
      expect(normalisePhone(formatPhone(phone))).toEqual({ ok: true, phone });
    }
    expect(formatPhone('13812345678')).toBe('138 1234 5678');
    expect(formatPhone('04101234567')).toBe('0410-1234567');
    expect(formatPhone('01012345678')).toBe('010-12345678');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('the keyed phone digest', () => {
  const key = Buffer.alloc(32, 9);
  const digest = new PhoneDigest(key);

  it('finds the same person however her number was written, and WeChat’s pure number too', () => {
    const d = digest.of('+86 138-1234-5678');
    expect(d).toMatch(/^[0-9a-f]{64}$/);
    expect(digest.of('13812345678')).toBe(d);
    expect(digest.ofNormalised('13812345678')).toBe(d);
    expect(digest.of('13812345679')).not.toBe(d);
    expect(digest.of('not a phone')).toBeNull();
  });

  it('is not a bare hash: without the key nobody can rebuild it from the number', () => {
    expect(digest.of('13812345678')).not.toBe(createHash('sha256').update('13812345678').digest('hex'));
    expect(new PhoneDigest(Buffer.alloc(32, 8)).of('13812345678')).not.toBe(digest.of('13812345678'));
  });

  it('refuses a short key', () => {
    expect(() => new PhoneDigest(Buffer.alloc(16))).toThrow('32 bytes');
  });
});
