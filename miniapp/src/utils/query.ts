type QueryValue = string | number | boolean | undefined;

/**
 * "?a=1&b=x" from the defined values, in the given order. Written out by hand: the mini-program's
 * JavaScript has no URLSearchParams.
 */
export function queryString(params: Record<string, QueryValue>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
