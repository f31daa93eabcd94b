/**
 * Wall-clock time in Asia/Shanghai (UTC+8 all year, no daylight saving), and the quiet hours when
 * nobody is messaged. Plain arithmetic, the same on the phone and on the server.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export const QUIET_HOURS = { from: 22, until: 7 } as const;

/** The instant shifted so that its UTC fields read as Shanghai wall-clock time. */
export function shanghaiWallClock(at: Date): Date {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS);
}

/** The Shanghai calendar date of an instant, YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return shanghaiWallClock(at).toISOString().slice(0, 10);
}

export function inQuietHours(at: Date): boolean {
  const hour = shanghaiWallClock(at).getUTCHours();
  return hour >= QUIET_HOURS.from || hour < QUIET_HOURS.until;
}

/** Nobody is messaged between 22:00 and 07:00: such a time moves to the 07:00 that ends it. */
export function afterQuietHours(at: Date): Date {
  if (!inQuietHours(at)) return at;
  const local = shanghaiWallClock(at);
  if (local.getUTCHours() >= QUIET_HOURS.from) local.setUTCDate(local.getUTCDate() + 1);
  local.setUTCHours(QUIET_HOURS.until, 0, 0, 0);
  return new Date(local.getTime() - SHANGHAI_OFFSET_MS);
}
