/**
 * A phone number as she would write it: mobile, landline with area code, an extension, spaces or
 * dashes. Checked the same way on the phone and on the server.
 */
export const PHONE_PATTERN = /^[0-9+\-() ]{5,32}$/;
