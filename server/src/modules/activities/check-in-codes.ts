import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const TOKEN_PREFIX = 'WFH1';
const SHORT_CODE_SPACE = 1_000_000;
/** Coprime with 10^6, so seq → code is one-to-one within an activity. */
const SHORT_CODE_STRIDE = 7919;

/**
 * What the QR code of a confirmed sign-up carries: its id and an HMAC over it, so a code cannot be
 * forged or guessed from another one; and the six digits a chair types when she cannot scan.
 */
export class CheckInCodes {
  private readonly key: Buffer;

  constructor(secret: string) {
    // A key of its own, derived from the server secret, so check-in codes and sign-in tokens never share one.
    this.key = Buffer.from(hkdfSync('sha256', secret, 'wfh-check-in', 'check-in tokens v1', 32));
  }

  private mac(subject: string): string {
    return createHmac('sha256', this.key).update(subject).digest('base64url').slice(0, 22);
  }

  tokenFor(signupId: string): string {
    return `${TOKEN_PREFIX}.${signupId}.${this.mac(`signup:${signupId}`)}`;
  }

  /** The sign-up id a genuine token names, or null. */
  signupIdOf(token: string): string | null {
    const [prefix, signupId, mac] = token.trim().split('.');
    if (prefix !== TOKEN_PREFIX || !signupId || !mac) return null;
    const expected = Buffer.from(this.mac(`signup:${signupId}`));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? signupId : null;
  }

  /**
   * Six digits, unique within the activity because `seq` is: the n-th sign-up of an activity gets a
   * code spread by an activity-specific offset, so codes do not read as a counter.
   */
  shortCodeFor(activityId: string, seq: number): string {
    const offset = parseInt(this.mac(`activity:${activityId}`).slice(0, 8).replace(/[^A-Za-z0-9]/g, 'A'), 36) % SHORT_CODE_SPACE;
    const code = (offset + seq * SHORT_CODE_STRIDE) % SHORT_CODE_SPACE;
    return String(code).padStart(6, '0');
  }

  static looksLikeShortCode(code: string): boolean {
    return /^\d{6}$/.test(code.trim());
  }
}
