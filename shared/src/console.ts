import type { AuthTokens } from './api';
import { RoleKind } from './roles';

/**
 * The staff console in a PC browser, signed in by scanning a QR code with the mini-program: the PC
 * asks for a sign-in and shows its id as a QR code, she opens it on her phone (already signed in
 * with WeChat), sees which browser is asking and confirms, and the PC, polling with a secret only it
 * holds, is handed a session of hers once. No password anywhere.
 */

/** Who may sign in at a PC: the people with work pages. 执委 keep a roster on the phone only. */
export const CONSOLE_ROLES: ReadonlySet<RoleKind> = new Set([RoleKind.Chair, RoleKind.Deputy, RoleKind.Staff, RoleKind.Admin]);

export function mayUseConsole(grants: ReadonlyArray<{ role: RoleKind }>): boolean {
  return grants.some((grant) => CONSOLE_ROLES.has(grant.role));
}

export const CONSOLE_SIGN_IN = {
  /** How long a QR code on the PC can be scanned and confirmed: long enough to find the phone. */
  qrSeconds: 120,
  /** After she confirms, how long the PC has to collect its session (it polls every few seconds). */
  handoverSeconds: 60,
  /** How often the PC asks. */
  pollSeconds: 2,
  /** A PC session lasts one working day at most; refreshing never carries it past this. */
  sessionHours: 8,
} as const;

/** The page of the mini-program that confirms a PC sign-in; the QR code holds its address. */
export const CONSOLE_CONFIRM_PAGE = 'packages/console/confirm';

/** A sign-in's public id: 16 random bytes, base64url. */
const ID = /^[A-Za-z0-9_-]{22}$/;

export function isConsoleSignInId(value: string): boolean {
  return ID.test(value);
}

/**
 * What the PC's QR code holds: the address of the confirm page on this site (the H5 build, hash
 * router), so that WeChat's own scanner can open the mini-program by it (扫普通链接二维码打开小程序)
 * and a phone browser at least lands somewhere that explains.
 */
export function consoleConfirmAddress(siteAddress: string, id: string): string {
  return `${siteAddress}#/${CONSOLE_CONFIRM_PAGE}?id=${encodeURIComponent(id)}`;
}

/**
 * The sign-in id in whatever was scanned: our confirm address, or WeChat's `q` parameter holding it
 * (encoded once more). Anything else (another QR code, a check-in code) is null.
 */
export function consoleSignInIdOf(scanned: string): string | null {
  let text = scanned.trim();
  for (let round = 0; round < 2 && /%[0-9A-Fa-f]{2}/.test(text) && !text.includes(CONSOLE_CONFIRM_PAGE); round++) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  if (!text.includes(`${CONSOLE_CONFIRM_PAGE}?`)) return null;
  const match = /[?&]id=([A-Za-z0-9_-]{22})(?:&|$)/.exec(text);
  return match ? match[1] : null;
}

// ---- the handshake ----

/** POST /console/sessions: the PC's new sign-in. Only the PC ever sees `pollToken`. */
export interface ConsoleSignInStart {
  id: string;
  pollToken: string;
  expiresAt: string;
  pollSeconds: number;
}

export interface ConsolePollRequest {
  pollToken: string;
}

/**
 * What the PC hears when it polls. `confirmed` carries her tokens, exactly once: the next poll with
 * the same secret finds nothing.
 */
export type ConsolePollResult =
  | { state: 'pending'; expiresAt: string }
  | { state: 'confirmed'; tokens: AuthTokens }
  | { state: 'refused' }
  | { state: 'expired' };

export type ConsoleSignInState = 'pending' | 'confirmed' | 'refused' | 'expired' | 'signed-in';

/** What the phone shows before she confirms: enough to tell that it is her own PC asking. */
export interface ConsoleSignInView {
  id: string;
  state: ConsoleSignInState;
  /** The browser and system in words: "Windows 电脑上的 Chrome 浏览器". */
  browser: string;
  /** The PC's network address as the server saw it. */
  ipAddress: string;
  /** The PC and her phone reach us from the same address (the same office network, say). */
  sameNetwork: boolean;
  requestedAt: string;
  /** Until when the current step can be taken (scan and confirm, or the PC collecting). */
  expiresAt: string;
  /** She holds a role the console is for; without one, confirming is refused. */
  mayConfirm: boolean;
}

/** One PC she is signed in on, as 我的 lists them. */
export interface ConsoleSessionView {
  id: string;
  browser: string;
  ipAddress: string;
  signedInAt: string;
  /** When it signs out by itself, whatever happens. */
  endsAt: string;
}
