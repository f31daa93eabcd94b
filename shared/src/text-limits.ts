/**
 * How long a piece of text is, counted the way the server's length rules count it (class-validator's
 * MaxLength via validator.js isLength): one per character a person sees, so an emoji or a rare
 * character outside the BMP counts once, and an invisible variation selector not at all.
 */
export function textLength(value: string): number {
  const pairs = value.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
  const selectors = value.match(/[\uFE0E\uFE0F]/g)?.length ?? 0;
  return value.length - pairs - selectors;
}

/** 2000 → "2,000": a long number read at a glance. Written out because toLocaleString varies by engine. */
export function groupedNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * What to say when a text is over its limit, naming the field as she knows it:
 * "求助内容最多 2,000 字，现在 5,000 字，请删短一些". The same words on the phone and from the server.
 */
export function tooLongMessage(label: string, limit: number, length?: number): string {
  const now = length === undefined ? '' : `，现在 ${groupedNumber(length)} 字`;
  return `${label}最多 ${groupedNumber(limit)} 字${now}，请删短一些`;
}

/** From this share of a limit on, a field shows how much she has written: before she reaches it. */
export const NEAR_LIMIT_SHARE = 0.8;
