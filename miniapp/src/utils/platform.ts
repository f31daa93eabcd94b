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
 * WeChat draws every page's title bar, with its own back arrow below the top level. The browser
 * draws nothing of the kind, so CarePage draws a header with the title and 返回 there.
 */
export const drawsPageHeader = !isWeapp;

/**
 * WeChat's openLocation shows the place on its map and offers the map apps on the phone. Taro's
 * web openLocation does nothing at all, so the browser (WeChat's in-app one too) links to the map
 * vendors' own pages instead, which open their app when it is installed (utils/maps.ts).
 */
export const opensMapApps = isWeapp;

/**
 * Only WeChat's getPhoneNumber button hands over a phone number WeChat vouches for; in the browser
 * staff sign in by scanning the console's code with the mini-program instead.
 */
export const sharesWechatPhoneNumber = isWeapp;

/**
 * WeChat's nickname input (<input type="nickname">) offers her WeChat nickname above the keyboard
 * and checks what she enters (nicknamereview); the browser has a plain text field.
 */
export const offersWechatNickname = isWeapp;

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
  downloadInBrowser(fileName, new Blob([data], { type: 'text/csv;charset=utf-8' }));
}

function downloadInBrowser(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the file only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A file the API sent (an import's template, an export), saved as she would expect: the browser
 * downloads it; WeChat opens an Excel file itself (its menu forwards it to a chat or a computer) and
 * sends a CSV, which it cannot open, to a chat she picks.
 */
export async function saveDownloadedFile(fileName: string, data: ArrayBuffer): Promise<void> {
  if (!isWeapp) {
    downloadInBrowser(fileName, new Blob([data]));
    return;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({ filePath, data, success: () => resolve(), fail: reject });
  });
  if (fileName.toLowerCase().endsWith('.xlsx')) await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
  else await Taro.shareFileMessage({ filePath, fileName });
}

/**
 * The browser reports how much of an upload has gone (XMLHttpRequest, api/upload.ts); WeChat's
 * request does not, so an import there says it is uploading without a figure.
 */
export const seesUploadProgress = !isWeapp;

/** The browser picks a file with a file input in the page; WeChat from one of her chats (chooseMessageFile). */
export const picksFilesInPage = !isWeapp;

export interface PickedFile {
  name: string;
  size: number;
  data: Blob | ArrayBuffer;
}

/**
 * A file from one of her WeChat chats (文件传输助手, say, where she sent it from a computer), read
 * whole; null when she closes the picker without choosing.
 */
export async function chooseChatFile(extensions: string[]): Promise<PickedFile | null> {
  let picked: { name: string; size: number; path: string } | undefined;
  try {
    picked = (await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions })).tempFiles[0];
  } catch (error) {
    if (String((error as { errMsg?: string })?.errMsg ?? '').includes('cancel')) return null;
    throw error;
  }
  if (!picked) return null;
  const { path } = picked;
  const data = await new Promise<ArrayBuffer>((resolve, reject) => {
    // Without an encoding readFile gives the bytes as an ArrayBuffer.
    Taro.getFileSystemManager().readFile({ filePath: path, success: (result) => resolve(result.data as ArrayBuffer), fail: reject });
  });
  return { name: picked.name, size: picked.size, data };
}

/**
 * H5 only: Taro's web tab bar draws each tab as <a href="javascript:;"> and switches tabs in its
 * own click handler. Left alone, the browser then follows the link too, running a javascript: URL
 * that the server's Content-Security-Policy (script-src 'self') refuses and reports on every tap.
 * Cancelling such links' default action keeps the policy strict and changes nothing else: the
 * handlers still run, and no link of ours is a javascript: URL. Called once, as the app loads.
 */
export function cancelJavascriptLinks(): void {
  if (isWeapp || typeof document === 'undefined') return;
  document.addEventListener(
    'click',
    (event) => {
      const path = event.composedPath();
      if (path.some((node) => node instanceof HTMLAnchorElement && node.href.startsWith('javascript:'))) event.preventDefault();
    },
    true,
  );
}

/**
 * Only WeChat can ask for subscribe messages (wx.requestSubscribeMessage); the browser has no such
 * messages, so it shows no reminder controls at all.
 */
export const asksForSubscriptions = isWeapp;

/**
 * A page shares to a chat or 朋友圈 as a card (WeChat's menu and share button, hooks/useShareCard); the
 * browser has no such thing, and its own address bar already gives the page's link.
 */
export const sharesToChat = isWeapp;

/**
 * A web address in a notice: the browser opens it; the mini-program may not open outside pages, so
 * it copies the address for her to paste into a browser.
 */
export async function openWebLink(href: string): Promise<void> {
  if (!isWeapp && typeof window !== 'undefined') {
    window.open(href, '_blank', 'noopener');
    return;
  }
  await Taro.setClipboardData({ data: href });
  void Taro.showToast({ title: '链接已复制，可粘贴到浏览器打开', icon: 'none', duration: 3000 });
}
