/**
 * A phone number as she would write it: mobile, landline with area code, an extension, spaces or
 * dashes. Checked the same way on the phone and on the server.
 */
export const PHONE_PATTERN = /^[0-9+\-() ]{5,32}$/;

/** What to say when a phone number does not match PHONE_PATTERN, on the phone and from the server. */
export const PHONE_MESSAGE = '电话号码请只写数字，区号后面可以加“-”，例如 0410-1234567 或 13912345678';
