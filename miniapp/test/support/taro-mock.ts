/**
 * Stand-in for @tarojs/taro (mapped in jest.config.js). Storage is a real in-memory store so the
 * session code behaves as on a phone; network, toast and navigation are jest mocks to assert on.
 */
export interface RequestOptions {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  timeout?: number;
  dataType?: string;
}

export interface Reply {
  statusCode: number;
  data: unknown;
}

const storage = new Map<string, unknown>();

export const writtenFiles = new Map<string, string>();

/** The query of the page under test, as Taro's router would hand it over. */
let routerParams: Record<string, string> = {};

export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export const useRouter = jest.fn(() => ({ params: routerParams, path: '' }));

/** A page's onShow: the first show is the mount, which the page loads on anyway, so nothing runs. */
export const useDidShow = jest.fn((_callback: () => void) => undefined);
export const useDidHide = jest.fn((_callback: () => void) => undefined);
/** WeChat's share menu: tests call what the page registered to see the card it would send. */
export const useShareAppMessage = jest.fn((_callback: () => { title: string; path: string }) => undefined);
/** WeChat's 分享到朋友圈: the card's title and the query the page reopens with. */
export const useShareTimeline = jest.fn((_callback: () => { title: string; query: string }) => undefined);

export interface ModalAnswer {
  confirm: boolean;
  cancel: boolean;
}

type PrivacyResolve = (option: { event: string; buttonId?: string }) => void;

export interface Position {
  latitude: number;
  longitude: number;
}

const taro = {
  request: jest.fn<Promise<Reply>, [RequestOptions]>(() => Promise.reject(new Error('no FakeApi installed'))),
  showToast: jest.fn((_options: { title: string; icon?: string; duration?: number }) => Promise.resolve()),
  login: jest.fn(() => Promise.resolve({ code: 'wx-code-1', errMsg: 'login:ok' })),
  makePhoneCall: jest.fn((_options: { phoneNumber: string }) => Promise.resolve()),
  navigateTo: jest.fn((_options: { url: string }) => Promise.resolve()),
  switchTab: jest.fn((_options: { url: string }) => Promise.resolve()),
  navigateBack: jest.fn(() => Promise.resolve()),
  redirectTo: jest.fn((_options: { url: string }) => Promise.resolve()),
  reLaunch: jest.fn((_options: { url: string }) => Promise.resolve()),
  pageScrollTo: jest.fn((_options: { scrollTop?: number; duration?: number }) => Promise.resolve()),
  /** The page stack: just the page under test unless a test says it was opened from another. */
  getCurrentPages: jest.fn((): object[] => [{}]),
  /** She taps 确定 unless a test says otherwise. */
  showModal: jest.fn(
    (_options: { title?: string; content?: string; confirmText?: string; cancelText?: string }): Promise<ModalAnswer> =>
      Promise.resolve({ confirm: true, cancel: false }),
  ),
  setClipboardData: jest.fn((_options: { data: string }) => Promise.resolve()),
  /** The share items of WeChat's ··· menu; only the WeChat build calls these. */
  showShareMenu: jest.fn((_options: { showShareItems?: string[] }) => Promise.resolve()),
  hideShareMenu: jest.fn((_options: { menus?: string[] }) => Promise.resolve()),
  setNavigationBarTitle: jest.fn((_options: { title: string }) => Promise.resolve()),
  /** Rejects like a browser whose person said no; a test that wants a position says so. */
  getLocation: jest.fn((_options: { type?: string }): Promise<Position> =>
    Promise.reject({ errMsg: 'getLocation:fail User denied Geolocation' }),
  ),
  openLocation: jest.fn(
    (_options: { latitude: number; longitude: number; name?: string; address?: string }) => Promise.resolve(),
  ),
  openPrivacyContract: jest.fn(() => Promise.resolve()),
  /**
   * WeChat's subscribe-message dialog: she closes it answering nothing unless a test gives her
   * answers. Only WeChat has it; the browser build never calls it.
   */
  requestSubscribeMessage: jest.fn(
    (_options: { tmplIds: string[] }): Promise<Record<string, string>> => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' }),
  ),
  /** She closes the camera unless a test hands her a code to scan. */
  scanCode: jest.fn((_options: { onlyFromCamera?: boolean; scanType?: string[] }): Promise<{ result: string }> =>
    Promise.reject({ errMsg: 'scanCode:fail cancel' }),
  ),
  chooseLocation: jest.fn(
    (_options: object): Promise<{ name: string; address: string; latitude: number; longitude: number }> =>
      Promise.reject({ errMsg: 'chooseLocation:fail cancel' }),
  ),
  /** WeChat's file system, as far as writing one file goes: what was written stays in `writtenFiles`. */
  getFileSystemManager: jest.fn(() => ({
    writeFile: (options: { filePath: string; data: string; success?: () => void }) => {
      writtenFiles.set(options.filePath, options.data);
      options.success?.();
    },
  })),
  /**
   * Finds the node by its id in the page as Taro's web build does (a canvas 2d answers with the
   * <canvas> inside its host). jsdom lays nothing out, so sizes are 0 and charts draw nothing.
   */
  createSelectorQuery: jest.fn(() => {
    const picked: Array<{ selector: string; asks: 'node' | 'rect' }> = [];
    const query = {
      select: (selector: string) => ({
        fields: () => {
          picked.push({ selector, asks: 'node' });
          return query;
        },
        boundingClientRect: () => {
          picked.push({ selector, asks: 'rect' });
          return query;
        },
      }),
      exec: (callback: (found: Array<{ node: Element } | { width: number; height: number } | null>) => void) => {
        const found = picked.map(({ selector, asks }) => {
          const host = document.querySelector(selector);
          if (!host) return null;
          if (asks === 'node') return { node: host.querySelector('canvas') ?? host };
          const { width, height } = host.getBoundingClientRect();
          return { width, height };
        });
        setTimeout(() => callback(found), 0);
      },
    };
    return query;
  }),
  getWindowInfo: jest.fn(() => ({ pixelRatio: 2, windowWidth: 375, windowHeight: 812 })),
  shareFileMessage: jest.fn((_options: { filePath: string; fileName?: string }) => Promise.resolve()),
  env: { USER_DATA_PATH: 'wxfile://usr' },
  /** Only WeChat has it; a test of the mini-program installs a jest.fn here. */
  onNeedPrivacyAuthorization: undefined as undefined | jest.Mock<void, [(resolve: PrivacyResolve) => void]>,
  useRouter,
  useDidShow,
  useDidHide,
  getStorageSync: jest.fn((key: string): unknown => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
};

export const taroStorage = storage;

export default taro;
