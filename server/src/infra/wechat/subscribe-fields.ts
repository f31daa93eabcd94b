/**
 * WeChat's rules for the values of subscribe-message fields (subscribeMessage.send, "模板参数值"
 * table). A field's key is its type followed by a number (thing1, time2, phrase3); a value that
 * breaks its type's rule is refused with errcode 47003 and the message is lost, so the server checks
 * its own settings against these rules at start and every value before it is sent.
 */
export const FIELD_TYPES = [
  'thing',
  'character_string',
  'number',
  'letter',
  'symbol',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/** The type of a field key, or null when WeChat has no such type ("title1", "thing" without a number). */
export function fieldTypeOf(key: string): FieldType | null {
  const match = /^([a-z_]+?)(\d+)$/.exec(key);
  if (!match) return null;
  return (FIELD_TYPES as readonly string[]).includes(match[1]!) ? (match[1] as FieldType) : null;
}

/** Characters WeChat counts one each, Chinese included (code points, not UTF-16 units). */
const length = (value: string) => [...value].length;
const HAN = /^\p{Script=Han}+$/u;
const HAN_OR_LETTERS = /^[\p{Script=Han}A-Za-z·]+$/u;
const ASCII_PRINTABLE = /^[\x21-\x7e]+$/;

// 15:01, 2019年10月1日 15:01, 2019-10-01 15:01, 2019/10/01 15:01; a span joins two with "~".
const CLOCK = '(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?';
const DAY = '(?:\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}/\\d{1,2}/\\d{1,2})';
const TIME_POINT = `(?:${DAY} ?)?${CLOCK}|${DAY}`;
const DATE_POINT = `${DAY}(?: ?${CLOCK})?`;
const span = (point: string) => new RegExp(`^(?:${point})(?: ?~ ?(?:${point}))?$`);
const TIME = span(TIME_POINT);
const DATE = span(DATE_POINT);

const RULES: Record<FieldType, { rule: string; ok: (value: string) => boolean }> = {
  thing: { rule: 'at most 20 characters', ok: (v) => length(v) <= 20 },
  character_string: { rule: 'at most 32 letters, digits or symbols', ok: (v) => length(v) <= 32 && ASCII_PRINTABLE.test(v) },
  number: { rule: 'at most 32 digits, a decimal point allowed', ok: (v) => length(v) <= 32 && /^\d+(\.\d+)?$/.test(v) },
  letter: { rule: 'at most 32 letters', ok: (v) => length(v) <= 32 && /^[A-Za-z]+$/.test(v) },
  symbol: { rule: 'at most 5 symbols', ok: (v) => length(v) <= 5 && /^[^\p{L}\p{N}\s]+$/u.test(v) },
  time: { rule: 'a 24-hour time, optionally with its date (15:01, 2026年12月7日 15:01, 2026-12-07 15:01)', ok: (v) => TIME.test(v) },
  date: { rule: 'a date, optionally with a 24-hour time (2026年12月7日, 2026-12-07 15:01)', ok: (v) => DATE.test(v) },
  amount: { rule: 'a currency sign and at most 10 digits, decimals allowed, optionally ending in 元', ok: (v) => /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v) },
  phone_number: { rule: 'at most 17 digits or symbols', ok: (v) => length(v) <= 17 && /^[\d+\-() ]+$/.test(v) },
  car_number: { rule: 'a plate of at most 8 characters', ok: (v) => length(v) <= 8 && /^[\p{Script=Han}A-Z0-9]+$/u.test(v) },
  name: {
    rule: 'at most 10 Chinese characters or 20 letters',
    ok: (v) => HAN_OR_LETTERS.test(v) && (/^[A-Za-z·]+$/.test(v) ? length(v) <= 20 : length(v) <= 10),
  },
  phrase: { rule: 'at most 5 Chinese characters, nothing else', ok: (v) => length(v) <= 5 && HAN.test(v) },
};

/** What WeChat allows in a field of this type, in words for a settings error. */
export function ruleOf(type: FieldType): string {
  return RULES[type].rule;
}

/** Null when WeChat takes this value in a field of this type; otherwise the rule it breaks. */
export function fieldValueProblem(type: FieldType, value: string): string | null {
  if (value.length === 0) return 'must not be empty';
  return RULES[type].ok(value) ? null : RULES[type].rule;
}
