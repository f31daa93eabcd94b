import Taro from '@tarojs/taro';

/**
 * The one place that knows which platform the build is for (DESIGN: nothing else branches on
 * TARO_ENV). Everything else asks these questions instead.
 */
const isWeapp = process.env.TARO_ENV === 'weapp';

/** How a person signs in: WeChat's wx.login in the mini-program, demo people in the browser. */
export type SignInMethod = 'wechat' | 'demo';

export const signInMethod: SignInMethod = isWeapp ? 'wechat' : 'demo';

/**
 * The H5 build is served by the API server itself, so relative URLs reach it; the mini-program has
 * no origin of its own and needs a full address (the local server in WeChat DevTools by default).
 */
const defaultApiBase = isWeapp ? 'http://127.0.0.1:3000' : '';

export const apiBase: string = (process.env.TARO_APP_API_BASE || defaultApiBase).replace(/\/+$/, '');

/** Only WeChat's page-meta lets a page take the user's WeChat font size as its rem base. */
export const followsWechatFontSize = isWeapp;

/**
 * WeChat's map component draws markers natively; Taro's web build has no map, so the browser shows
 * the list only.
 */
export const showsNativeMap = isWeapp;

/**
 * The datum Taro.getLocation is asked for. WeChat returns GCJ-02, the datum of Chinese maps and of
 * our site coordinates; the browser's geolocation only speaks WGS-84 (Taro's web getLocation refuses
 * anything else), so browser positions are shifted to GCJ-02 before use (utils/coords.ts).
 */
export const locationDatum: 'gcj02' | 'wgs84' = isWeapp ? 'gcj02' : 'wgs84';

/**
 * In the mini-program wx.reLaunch empties the page stack, so 返回 has nowhere to go. The browser
 * keeps every page she visited in its history, and Taro's reLaunch only replaces the last entry:
 * the quick exit has to keep 返回 from reopening them (utils/quick-exit.ts).
 */
export const keepsBrowserHistory = !isWeapp;

/** WeChat takes the page title from the page's navigation-bar (CarePage); the browser from the API. */
export const setsTitleByApi = !isWeapp;

/**
 * Only WeChat's getPhoneNumber button hands over a phone number WeChat vouches for; in the browser
 * staff sign in by scanning the console's code with the mini-program instead.
 */
export const sharesWechatPhoneNumber = isWeapp;

/**
 * The staff console: a PC browser shows the sign-in QR code and, at WIDE_SCREEN_MIN_PX and wider,
 * a left navigation of the work pages instead of the phone's tab bar (styles/console.css uses the
 * same width). WeChat is always the phone that scans the code and confirms.
 */
export const offersConsoleSignIn = !isWeapp;

export const WIDE_SCREEN_MIN_PX = 1024;

/** Whether the window is wide now, and from then on each change; returns the function that stops listening. */
export function watchWideScreen(onChange: (wide: boolean) => void): { wide: boolean; stop: () => void } {
  const query = !isWeapp && typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(`(min-width: ${WIDE_SCREEN_MIN_PX}px)`)
    : null;
  if (!query) return { wide: false, stop: () => undefined };
  const listener = (event: MediaQueryListEvent) => onChange(event.matches);
  query.addEventListener('change', listener);
  return { wide: query.matches, stop: () => query.removeEventListener('change', listener) };
}

/** This site's own address (the H5 build's page, without its #route), for the codes a phone scans. */
export function siteAddress(): string {
  return isWeapp ? '' : `${window.location.origin}${window.location.pathname}`;
}

/** WeChat scans a sign-up's QR code with the camera; in the browser the chair types the six digits. */
export const scansQrCodes = isWeapp;

/** What the QR code holds. Rejects when she closes the scanner without scanning. */
export async function scanQrCode(): Promise<string> {
  const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
  return result;
}

/**
 * WeChat's own map picks the place of an activity held away from the body's sites; Taro's web
 * build needs a Tencent Maps key for that, which the browser build does not carry.
 */
export const picksPlacesOnMap = isWeapp;

/**
 * WeChat cannot open a CSV file itself: the list is sent to a chat she picks (文件传输助手, say) and
 * opened on a computer. The browser just downloads it.
 */
export const sendsFilesToChat = isWeapp;

/** Excel reads a CSV as the local code page unless it starts with a byte-order mark. */
const BOM = '\uFEFF';

export async function saveCsvFile(fileName: string, text: string): Promise<void> {
  const data = text.startsWith(BOM) ? text : BOM + text;
  if (isWeapp) {
    const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
    await new Promise<void>((resolve, reject) => {
      Taro.getFileSystemManager().writeFile({ filePath, data, encoding: 'utf8', success: () => resolve(), fail: reject });
    });
    await Taro.shareFileMessage({ filePath, fileName });
    return;
  }
  const url = URL.createObjectURL(new Blob([data], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the file only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
