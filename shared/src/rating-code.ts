import type { Rating } from './requests';

/**
 * The code a woman rates a request with when a chair recorded it for her (代为登记). The chair reads
 * it out on the phone to an older woman, who may not read Latin letters, so it is digits only, in
 * four groups of four ("3816 2045 7730 1198"): a phone's number keypad types it, and digits are
 * read aloud without doubt. Fifteen digits are random (10^15 codes, about 2^49.8, as many as the
 * ten-letter codes before); the sixteenth is a Damm check digit, which catches every single wrong
 * digit and every swap of two neighbouring digits before the code is sent, so a slip of her pen
 * costs her none of her tries (docs/security.md has the guessing arithmetic).
 *
 * Codes given out before (ten letters and digits without look-alikes, "E2JD372WF4") keep working.
 */
export const RATING_CODE_DIGITS = 16;
export const RATING_CODE_RANDOM_DIGITS = RATING_CODE_DIGITS - 1;

/** The alphabet of the older ten-character codes: no 0/O, 1/I/L. */
const LEGACY_CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{10}$/;

/** Damm's totally anti-symmetric quasigroup of order 10. */
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

function dammOf(digits: string): number {
  let interim = 0;
  for (const digit of digits) interim = DAMM[interim]![Number(digit)]!;
  return interim;
}

/** The digit that completes `digits` (the random part) into a code. */
export function ratingCheckDigit(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new Error('a rating code is made of digits');
  return String(dammOf(digits));
}

/** A whole code from its fifteen random digits. */
export function ratingCodeFrom(randomDigits: string): string {
  if (randomDigits.length !== RATING_CODE_RANDOM_DIGITS) throw new Error(`a rating code has ${RATING_CODE_RANDOM_DIGITS} random digits`);
  return randomDigits + ratingCheckDigit(randomDigits);
}

/** What she typed or the link carried, without the spaces and dashes people write between groups. */
export function normalizeRatingCode(raw: string): string {
  return raw.replace(/[\s\-－—_·.]/g, '').toUpperCase();
}

export type RatingCodeCheck =
  | { ok: true; code: string }
  | { ok: false; message: string };

/**
 * Whether a code as typed can be one, and if not, what she should look at. The page has two ways
 * in: digits on the number keypad (every code given out now), and letters and digits for a code
 * given out before (`legacy`).
 */
export function checkRatingCode(raw: string, { legacy = false }: { legacy?: boolean } = {}): RatingCodeCheck {
  const code = normalizeRatingCode(raw);
  if (code === '') return { ok: false, message: '请输入评价码' };
  if (legacy) {
    return LEGACY_CODE.test(code) ? { ok: true, code } : { ok: false, message: '这种评价码是10位，由字母和数字组成，请再对一对' };
  }
  if (/[^0-9]/.test(code)) return { ok: false, message: '评价码只有数字。如果您的评价码里有字母，请点“评价码里有字母”' };
  if (code.length !== RATING_CODE_DIGITS) {
    return { ok: false, message: `评价码是${RATING_CODE_DIGITS}位数字，您输入了${code.length}位，请再数一数` };
  }
  if (dammOf(code) !== 0) return { ok: false, message: '评价码里有一位数字不对，请和妇联给您的评价码再对一对' };
  return { ok: true, code };
}

/** Whether the server should look a code up at all: either kind, as the page would send it. */
export function isRatingCodeShape(code: string): boolean {
  return LEGACY_CODE.test(code) || (code.length === RATING_CODE_DIGITS && /^\d+$/.test(code) && dammOf(code) === 0);
}

/** As it is read out and printed: "3816 2045 7730 1198"; an older code "E2JD3 72WF4". */
export function formatRatingCode(code: string): string {
  const size = /^\d+$/.test(code) ? 4 : 5;
  return (code.match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join(' ');
}

/** The page where she rates with a code; public, in the mini-program and in the browser (H5). */
export const RATING_PAGE = 'packages/public/rate';

/** That page, with the code filled in when there is one. */
export function ratingPagePath(code?: string): string {
  return code ? `/${RATING_PAGE}?code=${encodeURIComponent(code)}` : `/${RATING_PAGE}`;
}

/**
 * The link an SMS carries (issue #15): the H5 build's page with the code filled in, so that a tap
 * opens it in the phone's browser without WeChat or signing in. `siteBase` is the public address of
 * the H5 build ("https://fnzj.example.gov.cn/"); the link adds 45 characters to it.
 */
export function ratingSmsLink(siteBase: string, code: string): string {
  return `${siteBase.replace(/\/+$/, '')}/#${ratingPagePath(code)}`;
}

/**
 * Where the request a code belongs to stands, as the rating page tells her:
 * - `waiting`: still being handled; she rates once it is done.
 * - `ready`: done, her rating is asked for.
 * - `rated`: she has rated it (and, after 不满意 in the second round, it is closed).
 * - `ended`: closed without her rating (withdrawn, or a week passed): nothing to rate.
 */
export type RatingCodeStage = 'waiting' | 'ready' | 'rated' | 'ended';

/**
 * What the code shows to whoever holds it. Nothing of what she said or what was done: only which
 * village's 妇联 recorded it (so she knows she typed the right code) and where it stands.
 */
export interface RatingCodeView {
  /** Her village's 妇联, which recorded it for her. */
  federationName: string;
  stage: RatingCodeStage;
  /** Her rating, once given. */
  rating: Rating | null;
  /** In the first round 不满意 sends it back to be handled again; in the second it only closes it. */
  unsatisfiedReopens: boolean;
}
