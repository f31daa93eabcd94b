import { consoleConfirmAddress, consoleSignInIdOf } from '@wfh/shared';
import { browserOf, stateOf } from '../../src/modules/console-sign-in/console-sign-in.policy';

/** Real User-Agent headers of the browsers county and township offices run. */
const AGENTS: ReadonlyArray<[what: string, userAgent: string | undefined, says: string]> = [
  ['Chrome on Windows 10', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Windows 电脑上的 Chrome 浏览器'],
  ['Edge on Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Windows 电脑上的 Edge 浏览器'],
  ['Firefox on Windows 7', 'Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0', 'Windows 电脑上的 Firefox 浏览器'],
  ['360 secure browser', 'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36 QIHU 360SE', 'Windows 电脑上的 360 浏览器'],
  ['QQ browser', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/94.0.4606.71 Safari/537.36 Core/1.94.202.400 QQBrowser/11.9.5355.400', 'Windows 电脑上的 QQ 浏览器'],
  ['Sogou browser', 'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0.3987.87 Safari/537.36 SE 2.X MetaSr 1.0', 'Windows 电脑上的搜狗浏览器'],
  ['Safari on a Mac', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15', '苹果电脑上的 Safari 浏览器'],
  ['Chromium on Debian (the tests)', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0.0.0 Safari/537.36', 'Linux 电脑上的 Chrome 浏览器'],
  ['PC WeChat', 'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat', 'Windows 电脑上的微信里的浏览器'],
  ['a phone browser', 'Mozilla/5.0 (Linux; Android 13; V2219A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36', '安卓手机上的 Chrome 浏览器'],
  ['an iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1', 'iPhone 上的 Safari 浏览器'],
  ['a script', 'curl/8.5.0', '认不出的浏览器'],
  ['no header at all', undefined, '认不出的浏览器'],
];

describe('browserOf: the PC in words she can match with the one in front of her', () => {
  it.each(AGENTS)('%s', (_what, userAgent, says) => {
    expect(browserOf(userAgent)).toBe(says);
  });

  it('stays within the column whatever the header says', () => {
    expect(browserOf(`${'Windows '.repeat(2000)}Chrome/1`).length).toBeLessThanOrEqual(60);
  });
});

describe('stateOf: a step that ran out is expired, whatever was stored', () => {
  const at = new Date('2026-12-01T02:00:00Z');
  const until = new Date(at.getTime() + 120_000);
  it.each([
    ['pending, in time', 'pending', at, 'pending'],
    ['pending, the very moment it runs out', 'pending', until, 'expired'],
    ['confirmed, not yet collected', 'confirmed', at, 'confirmed'],
    ['confirmed, never collected', 'confirmed', new Date(until.getTime() + 1), 'expired'],
    ['refused, later', 'refused', new Date(until.getTime() + 1), 'refused'],
    ['signed in, long after', 'signed_in', new Date(until.getTime() + 86_400_000), 'signed-in'],
  ] as const)('%s', (_what, state, now, expected) => {
    expect(stateOf({ state, expiresAt: until }, now)).toBe(expected);
  });
});

describe('the QR code: the confirm page address, and the id read back from whatever was scanned', () => {
  const id = 'AbCdEfGhIjKlMnOpQrSt_-';
  const address = consoleConfirmAddress('https://fulian.example.cn/', id);

  it('reads the id from the address, from WeChat’s q parameter, and from q encoded twice', () => {
    expect(address).toBe('https://fulian.example.cn/#/packages/console/confirm?id=AbCdEfGhIjKlMnOpQrSt_-');
    expect(consoleSignInIdOf(address)).toBe(id);
    expect(consoleSignInIdOf(encodeURIComponent(address))).toBe(id);
    expect(consoleSignInIdOf(encodeURIComponent(encodeURIComponent(address)))).toBe(id);
    expect(consoleSignInIdOf(`  ${address}&from=qr `)).toBe(id);
  });

  it('reads nothing from other codes: a check-in code, another page, a short id, a broken escape', () => {
    expect(consoleSignInIdOf('CHK-3f9a0c1e')).toBeNull();
    expect(consoleSignInIdOf(id)).toBeNull();
    expect(consoleSignInIdOf(`https://fulian.example.cn/#/packages/activities/detail?id=${id}`)).toBeNull();
    expect(consoleSignInIdOf('https://fulian.example.cn/#/packages/console/confirm?id=short')).toBeNull();
    expect(consoleSignInIdOf('%E0%A4%A')).toBeNull();
  });
});
