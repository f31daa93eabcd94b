import ipaddr from 'ipaddr.js';

export interface Window {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitPolicy {
  /**
   * Per client address. Generous: Chinese mobile carriers put many phones behind one CGNAT address,
   * so the women of a village (or a whole township on one carrier) can arrive from the same IP.
   * This only stops floods from one machine.
   */
  perIp: Window;
  /** Per signed-in person; tighter, since one person's honest use is small. Absent where nobody is signed in yet. */
  perUser?: Window;
  /** Said after "操作太频繁，请 X 分钟后再试" where waiting could hurt her. */
  hint?: string;
  /**
   * Counted even with RATE_LIMITS=off (tests, local runs): the limit keeps a secret from being
   * guessed rather than the servers from a flood, so switching it off would open the secret.
   */
  alwaysOn?: true;
}

const MINUTE = 60;
const HOUR = 3600;

/**
 * Every limit the API applies, in one place. Fixed windows (the RATE_LIMITER counts hits per key and
 * window); a refused call counts too, so hammering does not shorten the wait. Refused calls get 429,
 * ErrorCode.RateLimited and a Retry-After header.
 */
export const RATE_LIMITS = {
  /**
   * POST /auth/wechat, /auth/dev, /auth/refresh, /auth/sign-out. Nobody is known before sign-in
   * succeeds, so per address only; a phone signs in once per app start and refreshes every two hours.
   */
  signIn: { perIp: { limit: 600, windowSeconds: 10 * MINUTE } },
  /**
   * POST /requests. A woman files one or two requests; retries on a weak signal (same
   * Idempotency-Key) count too, so her allowance leaves room for them.
   */
  submitRequest: {
    perUser: { limit: 20, windowSeconds: HOUR },
    perIp: { limit: 200, windowSeconds: HOUR },
    hint: '情况紧急请直接拨打110报警，或拨打12338妇女维权热线',
  },
  /** POST /federations/:id/requests: a chair on an intake day records one request every minute or so. */
  submitOnBehalf: {
    perUser: { limit: 60, windowSeconds: HOUR },
    perIp: { limit: 300, windowSeconds: HOUR },
  },
  /**
   * POST /activities/:id/signups: herself and relatives, on several activities, with repeated taps.
   * Per address high: when a popular activity opens, a village signs up in the same minutes.
   */
  signUp: {
    perUser: { limit: 30, windowSeconds: 10 * MINUTE },
    perIp: { limit: 600, windowSeconds: 10 * MINUTE },
  },
  /** POST /federations/:id/concerns: public text that moderators must read. */
  raiseConcern: {
    perUser: { limit: 10, windowSeconds: HOUR },
    perIp: { limit: 200, windowSeconds: HOUR },
  },
  /** POST /feedback (投诉建议): goes to the county admins' desk. */
  feedback: {
    perUser: { limit: 10, windowSeconds: HOUR },
    perIp: { limit: 200, windowSeconds: HOUR },
  },
  /**
   * GET and POST /ratings/:code: a woman recorded by a chair looks up and rates with the code she
   * was given: sixteen digits, fifteen of them random (10^15 codes; the older ten-letter codes had
   * 31^10). Both routes draw on one allowance. A few tries an hour are plenty for her and useless
   * for guessing (docs/security.md has the arithmetic); nobody is signed in, so per address only,
   * and a wrong code counts like a right one.
   */
  ratingCode: { perIp: { limit: 10, windowSeconds: HOUR }, alwaysOn: true },
  /**
   * POST /console/sessions and …/:id/poll: a PC showing a sign-in QR code polls every 2 s (60 calls
   * in a code's 2 minutes, 300 in 10 minutes of codes); an office of several PCs behind one address
   * signs in at the same time of the morning. The secrets are too long to guess: this only stops floods.
   */
  consoleSignIn: { perIp: { limit: 1500, windowSeconds: 10 * MINUTE } },
} satisfies Record<string, RateLimitPolicy>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/** What she reads: when she may try again, in whole minutes (a countdown in seconds only makes her anxious). */
export function rateLimitedMessage(retryAfterSeconds: number, hint?: string): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `操作太频繁，请 ${minutes} 分钟后再试${hint ? `。${hint}` : ''}`;
}

/**
 * The address a limit counts under. IPv4 (also as ::ffff:a.b.c.d, which ipaddr.js unwraps) as it is; IPv6 by its /64,
 * because a carrier gives each phone a whole /64 and the device picks new addresses inside it
 * at will (privacy extensions), so counting single addresses would count nothing.
 */
export function clientKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  return `${(address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16)).join(':')}::/64`;
}
