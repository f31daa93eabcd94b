import type { ConsoleSignInState } from '@wfh/shared';
import type { StoredConsoleState } from './console-sign-in.entity';

/**
 * Browsers, most specific first: the Chinese browsers and Edge all say "Chrome" and "Safari" too,
 * and Chrome says "Safari".
 */
const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/MicroMessenger/i, '微信里的浏览器'],
  [/QQBrowser/i, 'QQ浏览器'],
  [/MetaSr|SogouMobileBrowser|\bSE \d/i, '搜狗浏览器'],
  [/360SE|360EE|QIHU|QHBrowser/i, '360浏览器'],
  [/UBrowser|UCBrowser/i, 'UC浏览器'],
  [/\bEdg(e|A|iOS)?\//, 'Edge浏览器'],
  [/\bOPR\/|\bOpera\b/, 'Opera浏览器'],
  [/Firefox\/|FxiOS/, 'Firefox浏览器'],
  [/Chrome\/|CriOS|Chromium\//, 'Chrome浏览器'],
  [/Safari\//, 'Safari浏览器'],
];

/** Systems; Android and the iPad/iPhone before Linux and Mac, whose names they carry as well. */
const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/Windows/, 'Windows电脑'],
  [/Android/, '安卓手机'],
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/CrOS/, 'Chromebook'],
  [/Macintosh|Mac OS X/, '苹果电脑'],
  [/Linux|X11/, 'Linux电脑'],
];

const UA_LIMIT = 1024;

/**
 * The browser asking to be signed in, in words she can match with the PC in front of her:
 * "Windows 电脑上的 Chrome 浏览器". Only this summary is kept, never the header itself.
 */
export function browserOf(userAgent: string | undefined): string {
  const ua = (userAgent ?? '').slice(0, UA_LIMIT);
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1];
  if (!browser && !system) return '认不出的浏览器';
  return spaced(`${system ?? '一台设备'}上的${browser ?? '浏览器'}`);
}

/** A space where Latin letters or digits meet Chinese, as printed Chinese sets them: "Windows 电脑上的 360 浏览器". */
function spaced(text: string): string {
  return text.replace(/([A-Za-z0-9])(?=[\u4e00-\u9fa5])|([\u4e00-\u9fa5])(?=[A-Za-z0-9])/g, '$1$2 ');
}

/** Where a sign-in stands at `now`: a pending or confirmed one whose step has run out is expired. */
export function stateOf(row: { state: StoredConsoleState; expiresAt: Date }, now: Date): ConsoleSignInState {
  if (row.state === 'signed_in') return 'signed-in';
  if (row.state === 'refused') return 'refused';
  if (now.getTime() >= row.expiresAt.getTime()) return 'expired';
  return row.state;
}
