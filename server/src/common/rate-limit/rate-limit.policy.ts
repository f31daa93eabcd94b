import { isIPv4, isIPv6 } from 'node:net';

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
   * POST /auth/wechat, /auth/dev, /auth/refresh. Nobody is known before sign-in succeeds, so per
   * address only; a phone signs in once per app start and refreshes every two hours.
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
} satisfies Record<string, RateLimitPolicy>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/** What she reads: when she may try again, in whole minutes (a countdown in seconds only makes her anxious). */
export function rateLimitedMessage(retryAfterSeconds: number, hint?: string): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `操作太频繁，请 ${minutes} 分钟后再试${hint ? `。${hint}` : ''}`;
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped, an IPv4 tail folded into two groups). */
function ipv6Groups(ip: string): string[] {
  let address = ip.split('%')[0]!;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    address = address.slice(0, -v4[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

/**
 * The address a limit counts under. IPv4 (also as ::ffff:a.b.c.d) as it is; IPv6 by its /64,
 * because a carrier gives each phone a whole /64 and the device picks new addresses inside it
 * at will (privacy extensions), so counting single addresses would count nothing.
 */
export function clientKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  if (isIPv6(ip.split('%')[0]!)) return `${ipv6Groups(ip).slice(0, 4).join(':')}::/64`;
  return ip;
}
