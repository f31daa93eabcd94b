/**
 * The checks of a release build of the mini-program (`pnpm build:weapp:release`, Taro's mode
 * `release`). A development build bakes in the local server and WeChat's test AppID, which would
 * upload fine and then fail on every phone: a release build refuses to start without what it needs.
 * Pure, so the rules are tested without running a build (test/release-config.test.ts).
 */

/** A real mini-program AppID: "wx" and 16 lowercase hex digits (mp.weixin.qq.com → 开发管理 → 开发设置). */
export const APPID_PATTERN = /^wx[0-9a-f]{16}$/;

export interface ReleaseSettings {
  appId: string;
  apiBase: string;
}

export type ReleaseCheck = { ok: true; settings: ReleaseSettings } | { ok: false; problems: string[] };

function apiBaseProblem(value: string | undefined): string | null {
  const apiBase = value?.trim() ?? '';
  if (apiBase === '') {
    return 'TARO_APP_API_BASE is not set: give the API server\'s https address, e.g. TARO_APP_API_BASE=https://api.example.cn';
  }
  if (!apiBase.startsWith('https://')) {
    return `TARO_APP_API_BASE must start with https:// (WeChat calls only https servers on the request domain list); it is "${apiBase}"`;
  }
  let host = '';
  try {
    host = new URL(apiBase).hostname;
  } catch {
    // Reported below with the same words as an empty host.
  }
  if (host === '' || apiBase.includes('?') || apiBase.includes('#')) {
    return `TARO_APP_API_BASE must be a plain https address such as https://api.example.cn; it is "${apiBase}"`;
  }
  // WeChat's request domain list takes domain names only: no IP address, no localhost.
  if (host === 'localhost' || /^[\d.]+$/.test(host) || host.startsWith('[')) {
    return `TARO_APP_API_BASE must name a domain (WeChat refuses IP addresses and localhost); it is "${apiBase}"`;
  }
  return null;
}

function appIdProblem(value: string | undefined): string | null {
  const appId = value?.trim() ?? '';
  if (appId === '') {
    return 'TARO_APP_ID is not set: give the mini-program\'s AppID (mp.weixin.qq.com → 开发管理 → 开发设置), e.g. TARO_APP_ID=wx0123456789abcdef';
  }
  if (!APPID_PATTERN.test(appId)) {
    return `TARO_APP_ID must be a real AppID, "wx" and 16 hex digits; it is "${appId}"`;
  }
  return null;
}

/** Every problem at once, so one failed build says all that is missing. */
export function checkRelease(env: Record<string, string | undefined>): ReleaseCheck {
  const problems = [apiBaseProblem(env.TARO_APP_API_BASE), appIdProblem(env.TARO_APP_ID)].filter(
    (problem): problem is string => problem !== null,
  );
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: { appId: env.TARO_APP_ID!.trim(), apiBase: env.TARO_APP_API_BASE!.trim().replace(/\/+$/, '') } };
}

/** The whole message a failed release build prints. */
export function releaseFailure(problems: readonly string[]): string {
  return [
    'Release build of the mini-program stopped:',
    ...problems.map((problem) => `  - ${problem}`),
    'Set them in the shell or in miniapp/.env.release (git-ignored); see README, "Release build of the mini-program".',
  ].join('\n');
}

/**
 * The project.config.json WeChat DevTools and miniprogram-ci upload from: the real AppID, the code
 * minified, and the request domain checked as the phone will check it.
 */
export function releaseProjectConfig(devConfig: Record<string, unknown>, settings: ReleaseSettings): Record<string, unknown> {
  const setting = (devConfig.setting ?? {}) as Record<string, unknown>;
  return { ...devConfig, appid: settings.appId, setting: { ...setting, minified: true, urlCheck: true } };
}
