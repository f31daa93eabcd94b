import { createHmac } from 'node:crypto';

export type NormalisedPhone = { ok: true; phone: string } | { ok: false; message: string };

/** Mainland mobiles: 11 digits starting 13–19. */
const MOBILE = /^1[3-9]\d{9}$/;
/** Landlines with their area code: 0 + 2–3 digit area code + 7–8 digit number (10–12 digits in all). */
const LANDLINE = /^0[1-9]\d{8,10}$/;
/** 400/800 service numbers. */
const SERVICE = /^[48]00\d{7}$/;
const EXTENSION = /^(.*\d)[\s\-)]*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;

const HOW_TO_WRITE = '手机号写11位，例如 13812345678；固定电话带区号，例如 0410-1234567';

/**
 * One spelling per phone, so that "+86 138-1234-5678", "13812345678" and the number WeChat gives
 * back all find the same person: country code and separators removed, the area code of a landline
 * kept (the same number in another city is another phone), an extension kept after a dash.
 */
export function normalisePhone(raw: string): NormalisedPhone {
  let text = raw.normalize('NFKC').trim();
  if (text === '') return { ok: false, message: `请填写电话号码：${HOW_TO_WRITE}` };
  // Excel shows a long number it took for a number as 1.38123E+10: the digits are gone.
  if (/^\d(\.\d+)?e\+?\d+$/i.test(text)) {
    return { ok: false, message: '电话号码被 Excel 当成了数字，显示成了科学计数法：请把这一列设为“文本”格式，再重新填写号码' };
  }
  let extension = '';
  const ext = EXTENSION.exec(text);
  if (ext) [, text, extension] = ext;
  if (/[^\d\s\-()+.]/.test(text)) return { ok: false, message: `电话号码里只能有数字、空格和横线：${HOW_TO_WRITE}` };
  let digits = text.replace(/\D/g, '');
  let international = false;
  if (text.startsWith('+')) {
    if (!digits.startsWith('86')) return { ok: false, message: '只能登记中国大陆的电话号码（+86）' };
    [digits, international] = [digits.slice(2), true];
  } else if (digits.startsWith('0086')) {
    [digits, international] = [digits.slice(4), true];
  } else if (digits.length === 13 && digits.startsWith('86') && MOBILE.test(digits.slice(2))) {
    digits = digits.slice(2);
  }
  // Written internationally a landline drops its trunk 0 ("+86 410 1234567"): put it back.
  if (international && !MOBILE.test(digits) && !digits.startsWith('0') && LANDLINE.test(`0${digits}`)) digits = `0${digits}`;
  if (MOBILE.test(digits)) {
    return extension ? { ok: false, message: '手机号没有分机号，请删掉“转”后面的数字' } : { ok: true, phone: digits };
  }
  if (LANDLINE.test(digits) || SERVICE.test(digits)) return { ok: true, phone: extension ? `${digits}-${extension}` : digits };
  if (/^1\d*$/.test(digits)) return { ok: false, message: `手机号应当是11位，这里是${digits.length}位：${HOW_TO_WRITE}` };
  if (/^[2-9]\d{6,7}$/.test(digits)) return { ok: false, message: `固定电话请加上区号，例如 0410-${digits}` };
  return { ok: false, message: `这不像一个电话号码：${HOW_TO_WRITE}` };
}

/** How a normalised phone is written back out: readable, and kept as text when a spreadsheet opens it. */
export function formatPhone(phone: string): string {
  const [number, extension] = phone.split('-');
  if (MOBILE.test(number)) return `${number.slice(0, 3)} ${number.slice(3, 7)} ${number.slice(7)}`;
  let written = number;
  if (SERVICE.test(number)) written = `${number.slice(0, 3)}-${number.slice(3, 6)}-${number.slice(6)}`;
  else if (LANDLINE.test(number)) {
    // 010 and 02X are the only two-digit area codes; the rest have three.
    const areaLength = /^0(10|2\d)/.test(number) ? 3 : 4;
    written = `${number.slice(0, areaLength)}-${number.slice(areaLength)}`;
  }
  return extension ? `${written}转${extension}` : written;
}

/** "138****5678": enough to tell two people apart on a screen, not enough to call her. */
export function maskPhone(phone: string): string {
  const number = phone.split('-')[0];
  return number.length >= 7 ? `${number.slice(0, 3)}****${number.slice(-4)}` : '****';
}

/**
 * Finds a person by her phone without storing it readable: HMAC-SHA256 under PHONE_DIGEST_KEY, a
 * key of its own. A bare hash would not do: there are only about 10^10 mobile numbers, and hashing
 * them all takes minutes, so anyone with a dump could read every phone back; without the key no one can.
 */
export class PhoneDigest {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new Error('The phone digest key must be at least 32 bytes');
  }

  /** The digest of a phone as written (normalised first), or null when it is not a phone number. */
  of(raw: string): string | null {
    const normalised = normalisePhone(raw);
    return normalised.ok ? this.ofNormalised(normalised.phone) : null;
  }

  /** For a phone already normalised (normalisePhone), e.g. the one WeChat gives back. */
  ofNormalised(phone: string): string {
    return createHmac('sha256', this.key).update(phone, 'utf8').digest('hex');
  }
}
