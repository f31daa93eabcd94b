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

const DAY_MS = 24 * 3600_000;

/**
 * When something is due, as a woman waiting for it reads it: the hour when that is today or
 * tomorrow ("今天11:52", "明天9:00"), else the day ("12月9日"; "2027年1月4日" in another year).
 * A bare date on its own day ("12月7日前" read on 12月7日) leaves her unsure whether it has passed.
 * "Today" is the day in Shanghai, whatever zone the phone is set to, the same as the server counts it.
 */
export function dueWords(at: Date, now: Date): string {
  const day = shanghaiDate(at);
  const local = shanghaiWallClock(at);
  const clock = `${local.getUTCHours()}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  if (day === shanghaiDate(now)) return `今天${clock}`;
  if (day === shanghaiDate(new Date(now.getTime() + DAY_MS))) return `明天${clock}`;
  const monthDay = `${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
  return day.slice(0, 4) === shanghaiDate(now).slice(0, 4) ? monthDay : `${local.getUTCFullYear()}年${monthDay}`;
}
