import {
  checkRatingCode,
  formatRatingCode,
  isRatingCodeShape,
  normalizeRatingCode,
  ratingCheckDigit,
  ratingCodeFrom,
  ratingPagePath,
  ratingSmsLink,
} from '../src/rating-code';

const CODE = ratingCodeFrom('381620457730119');

describe('rating codes', () => {
  it('the check digit is Damm’s (the published example: 572 → 4)', () => {
    expect(ratingCheckDigit('572')).toBe('4');
    expect(CODE).toHaveLength(16);
    expect(checkRatingCode(CODE)).toEqual({ ok: true, code: CODE });
  });

  it('catches every single wrong digit and every swap of two neighbours', () => {
    for (let i = 0; i < CODE.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === CODE[i]) continue;
        const wrong = CODE.slice(0, i) + d + CODE.slice(i + 1);
        expect(checkRatingCode(wrong)).toEqual({ ok: false, message: '评价码里有一位数字不对，请和妇联给您的评价码再对一对' });
        expect(isRatingCodeShape(wrong)).toBe(false);
      }
      if (i + 1 < CODE.length && CODE[i] !== CODE[i + 1]) {
        const swapped = CODE.slice(0, i) + CODE[i + 1] + CODE[i] + CODE.slice(i + 2);
        expect(checkRatingCode(swapped).ok).toBe(false);
      }
    }
  });

  it('takes it as people write it, in groups with spaces or dashes, and says what is wrong in words', () => {
    expect(checkRatingCode(` ${formatRatingCode(CODE)} `)).toEqual({ ok: true, code: CODE });
    expect(checkRatingCode(formatRatingCode(CODE).replace(/ /g, '-'))).toEqual({ ok: true, code: CODE });
    expect(checkRatingCode('')).toEqual({ ok: false, message: '请输入评价码' });
    expect(checkRatingCode(CODE.slice(0, 12))).toEqual({ ok: false, message: '评价码是16位数字，您输入了12位，请再数一数' });
    expect(checkRatingCode('E2JD372WF4').ok).toBe(false);
    expect((checkRatingCode('E2JD372WF4') as { message: string }).message).toContain('评价码里有字母');
  });

  it('codes given out before, ten letters and digits, still pass where she says her code has letters', () => {
    expect(checkRatingCode('e2jd 372wf4', { legacy: true })).toEqual({ ok: true, code: 'E2JD372WF4' });
    expect(checkRatingCode('E2JD372WF', { legacy: true }).ok).toBe(false);
    // 0, O, 1, I and L were never in them.
    expect(checkRatingCode('E2JD372WF0', { legacy: true }).ok).toBe(false);
    expect(isRatingCodeShape('E2JD372WF4')).toBe(true);
    expect(normalizeRatingCode('e2jd-372wf4')).toBe('E2JD372WF4');
  });

  it('is printed in groups, and its page and SMS link carry it', () => {
    expect(formatRatingCode('3816204577301194')).toBe('3816 2045 7730 1194');
    expect(formatRatingCode('E2JD372WF4')).toBe('E2JD3 72WF4');
    expect(ratingPagePath()).toBe('/packages/public/rate');
    expect(ratingPagePath(CODE)).toBe(`/packages/public/rate?code=${CODE}`);
    const link = ratingSmsLink('https://fnzj.example.gov.cn/', CODE);
    expect(link).toBe(`https://fnzj.example.gov.cn/#/packages/public/rate?code=${CODE}`);
  });
});
