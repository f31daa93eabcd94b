import { NETWORK_ERROR, type ApiError } from '../api/errors';

const hex = (byte: number) => (byte < 16 ? `0${byte.toString(16)}` : byte.toString(16));

function randomBytes(count: number): number[] {
  // The browser has Web Crypto; the mini-program's JavaScript has no synchronous source of strong
  // randomness. A key only has to be unique among her own submissions, so Math.random will do there.
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') {
    return Array.from(crypto.getRandomValues(new Uint8Array(count)));
  }
  return Array.from({ length: count }, () => Math.floor(Math.random() * 256));
}

/** A random (version 4) UUID, the Idempotency-Key of one filled-in form. */
export function newIdempotencyKey(): string {
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const digits = bytes.map(hex).join('');
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`;
}

/** The answer did not reach her, so whether the server filed it is unknown: retry with the same key. */
export const outcomeUnknown = (error: ApiError) => error.code === NETWORK_ERROR || error.status >= 500;
