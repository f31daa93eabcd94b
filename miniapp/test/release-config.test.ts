import { checkRelease, releaseFailure, releaseProjectConfig } from '../config/release';

const good = { TARO_APP_ID: 'wx0123456789abcdef', TARO_APP_API_BASE: 'https://api.example.cn' };

function problems(env: Record<string, string | undefined>): string[] {
  const check = checkRelease(env);
  return check.ok ? [] : check.problems;
}

describe('release build of the mini-program', () => {
  it('goes ahead with a real AppID and an https API address, trailing slash dropped', () => {
    expect(checkRelease({ ...good, TARO_APP_API_BASE: 'https://api.example.cn/' })).toEqual({
      ok: true,
      settings: { appId: 'wx0123456789abcdef', apiBase: 'https://api.example.cn' },
    });
  });

  it('names both settings when neither is given, with an example of each', () => {
    const found = problems({});
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^TARO_APP_API_BASE is not set.*https:\/\/api\.example\.cn/);
    expect(found[1]).toMatch(/^TARO_APP_ID is not set.*wx0123456789abcdef/);
    expect(releaseFailure(found)).toContain('README, "Release build of the mini-program"');
  });

  it.each([
    ['http://api.example.cn', /must start with https:\/\//],
    ['  ', /is not set/],
    ['https://', /plain https address/],
    ['https://api.example.cn/?x=1', /plain https address/],
    ['https://127.0.0.1:3000', /must name a domain/],
    ['https://localhost', /must name a domain/],
  ])('refuses the API address %j', (apiBase, message) => {
    expect(problems({ ...good, TARO_APP_API_BASE: apiBase })).toEqual([expect.stringMatching(message)]);
  });

  it.each(['touristappid', 'wx0123', 'wx0123456789ABCDEF', 'wx0123456789abcdefg', 'wa0123456789abcdef'])(
    'refuses the AppID %j, saying what a real one looks like',
    (appId) => {
      expect(problems({ ...good, TARO_APP_ID: appId })).toEqual([
        `TARO_APP_ID must be a real AppID, "wx" and 16 hex digits; it is "${appId}"`,
      ]);
    },
  );

  it('writes the AppID into the project config and turns minification and the domain check on', () => {
    const dev = { appid: 'touristappid', miniprogramRoot: './', setting: { urlCheck: false, es6: false, minified: false } };
    expect(releaseProjectConfig(dev, { appId: good.TARO_APP_ID, apiBase: good.TARO_APP_API_BASE })).toEqual({
      appid: 'wx0123456789abcdef',
      miniprogramRoot: './',
      setting: { urlCheck: true, es6: false, minified: true },
    });
  });
});
