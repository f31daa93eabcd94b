import { demoLocation, demoPhone } from '../../src/database/seed/demo-places';

describe('demo places', () => {
  it('puts every demo site inside 铁岭市 and the same place on every install', () => {
    for (const code of ['211202001001', '211221101200', '211223100', '211282001', '211224999999']) {
      const { latitude, longitude } = demoLocation(code);
      expect(latitude).toBeGreaterThanOrEqual(41.98);
      expect(latitude).toBeLessThanOrEqual(43.48);
      expect(longitude).toBeGreaterThanOrEqual(123.37);
      expect(longitude).toBeLessThanOrEqual(125.1);
      expect(demoLocation(code)).toEqual({ latitude, longitude });
    }
    expect(demoLocation('211221101200')).not.toEqual(demoLocation('211221101201'));
  });

  it('uses phone numbers no real line can have (a local number never starts with 0)', () => {
    expect(demoPhone(7)).toBe('0410-0000007');
    expect(demoPhone(1234)).toMatch(/^0410-0\d{6}$/);
  });
});
