/**
 * Times come from the API in UTC and are shown in Asia/Shanghai. China keeps one offset all year
 * (no daylight saving), and the mini-program's JavaScript cannot be trusted to carry Intl time
 * zones on older phones, so the offset is applied by hand.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

interface ShanghaiParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function shanghaiParts(at: string | number): ShanghaiParts {
  const instant = typeof at === 'number' ? at : Date.parse(at);
  const shifted = new Date(instant + SHANGHAI_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const twoDigits = (value: number) => (value < 10 ? `0${value}` : String(value));

/** "5月6日", with the year in front when it is not this year: "2024年12月30日". */
export function formatDate(at: string, now: number = Date.now()): string {
  const { year, month, day } = shanghaiParts(at);
  const monthDay = `${month}月${day}日`;
  return year === shanghaiParts(now).year ? monthDay : `${year}年${monthDay}`;
}

/** "5月6日 09:30" */
export function formatDateTime(at: string, now: number = Date.now()): string {
  const { hour, minute } = shanghaiParts(at);
  return `${formatDate(at, now)} ${twoDigits(hour)}:${twoDigits(minute)}`;
}
