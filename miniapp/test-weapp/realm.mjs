// A WeChat logic layer in a Node `vm` realm, for booting the built weapp bundle (dist/weapp) page by
// page. The realm holds JavaScript's built-ins and what WeChat's logic layer gives a mini-program:
// `wx` (exactly the API names in WeChat's typings), App/Page/Component/Behavior/getApp/
// getCurrentPages, WeChat's define/require module loader, console and the timers. There is no
// window, document, navigator or localStorage, as on a phone: code that reaches for a browser global
// fails here the way it fails in WeChat.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { wxApiNames } from './wx-api-names.mjs';

/** WeChat refuses a setData payload above 1 MB. */
export const SET_DATA_LIMIT_BYTES = 1024 * 1024;

const WINDOW_INFO = {
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 724,
  statusBarHeight: 44,
  safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
  screenTop: 0,
};
const SYSTEM_INFO = {
  ...WINDOW_INFO,
  brand: 'devtools',
  model: 'iPhone X',
  system: 'iOS 16.0',
  platform: 'devtools',
  language: 'zh_CN',
  version: '8.0.50',
  SDKVersion: '3.4.0',
  fontSizeSetting: 16,
  theme: 'light',
  enableDebug: false,
};

/** Taro's tree in page.data: elements carry children (cn), text nodes their text (v) and none. */
function isTextNode(node) {
  return node !== null && typeof node === 'object' && typeof node.v === 'string' && node.cn === undefined;
}

/** The page's text as she reads it: every text node of Taro's tree in page.data, in order. */
export function textsOf(data) {
  const out = [];
  const walk = (node) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (isTextNode(node)) {
      if (node.v.trim() !== '') out.push(node.v);
      return;
    }
    walk(node.cn);
  };
  walk(data.root ?? data);
  return out;
}

/** Applies one setData key ("root.cn.[0].v", "a.b[2]") the way WeChat does. */
function setPath(target, key, value) {
  const tokens = [...key.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]));
  let node = target;
  for (let i = 0; i < tokens.length - 1; i += 1) {
    const token = tokens[i];
    if (node[token] === null || typeof node[token] !== 'object') node[token] = typeof tokens[i + 1] === 'number' ? [] : {};
    node = node[token];
  }
  node[tokens[tokens.length - 1]] = value;
}

function parseUrl(url, fromRoute) {
  const [pathPart, query = ''] = url.split('?');
  let route;
  if (pathPart.startsWith('/')) route = pathPart.slice(1);
  else route = path.posix.normalize(path.posix.join(path.posix.dirname(fromRoute ?? ''), pathPart));
  const options = {};
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const [k, v = ''] = pair.split('=');
    options[decodeURIComponent(k)] = decodeURIComponent(v);
  }
  return { route, options };
}

/**
 * One mini-program run: a fresh realm, its storage, its page stack.
 *
 * `transport(request)` answers wx.request: given { url, method, header, body } it resolves to
 * { statusCode, header, text } or rejects (a network failure, which wx reports as request:fail).
 */
export class MiniProgram {
  constructor({ distDir, transport, storage = {}, location = { latitude: 31.2304, longitude: 121.4737 } }) {
    this.distDir = distDir;
    this.transport = transport;
    this.location = location;
    this.appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8'));
    this.errors = [];
    this.consoleErrors = [];
    this.toasts = [];
    this.modals = [];
    /** How the next wx.showModal is answered (WeChat waits for her tap; tests decide it). */
    this.modalAnswer = { confirm: true, cancel: false };
    this.unimplemented = [];
    this.inflight = 0;
    this.waitingForHer = 0;
    this.timers = new Map();
    this.pageStack = [];
    this.pageDefinitions = new Map();
    this.componentDefinitions = [];
    this.modules = new Map();
    this.privacyListener = null;
    this.privacyAgreed = false;
    this.lastAgreeTapAt = -Infinity;
    this.wakers = new Set();
    this.closed = false;
    this.context = vm.createContext({}, { name: 'weapp logic layer' });
    this.realmJSON = vm.runInContext('JSON', this.context);
    // WeChat keeps storage as serialized data: a stored object comes back as a copy.
    this.storage = new Map(Object.entries(storage).map(([k, v]) => [k, JSON.stringify(v)]));
    this.#installGlobals();
  }

  /** A value made in this Node realm, re-made inside the mini-program's realm. */
  toRealm(value) {
    return value === undefined ? undefined : this.realmJSON.parse(JSON.stringify(value));
  }

  #recordError(where, error) {
    this.errors.push({ where, error });
  }

  #wake() {
    for (const wake of this.wakers) wake();
  }

  /** Calls realm code from the host (a callback, a lifecycle method), recording what it throws. */
  guard(where, fn, ...args) {
    try {
      return fn(...args);
    } catch (error) {
      this.#recordError(where, error);
      return undefined;
    }
  }

  #installGlobals() {
    const g = vm.runInContext('globalThis', this.context);
    const realm = this;

    const log = (level) => (...args) => {
      if (level === 'error') realm.consoleErrors.push(args.map((a) => (a instanceof Error || (a && a.stack) ? a.stack : String(a))).join(' '));
    };
    g.console = { log: log('log'), info: log('info'), debug: log('debug'), warn: log('warn'), error: log('error'), group() {}, groupEnd() {}, time() {}, timeEnd() {} };

    const addTimer = (repeat) => (fn, ms = 0, ...args) => {
      const delay = Math.max(0, Number(ms) || 0);
      const entry = { due: Date.now() + delay, delay, repeat };
      const run = () => {
        if (!repeat) realm.timers.delete(id);
        else entry.due = Date.now() + delay;
        if (typeof fn === 'function') realm.guard('timer', fn, ...args);
        realm.#wake();
      };
      const handle = repeat ? setInterval(run, delay) : setTimeout(run, delay);
      const id = realm.timers.size + Date.now() + Math.random();
      entry.handle = handle;
      realm.timers.set(id, entry);
      return id;
    };
    const clear = (id) => {
      const entry = realm.timers.get(id);
      if (!entry) return;
      (entry.repeat ? clearInterval : clearTimeout)(entry.handle);
      realm.timers.delete(id);
    };
    g.setTimeout = addTimer(false);
    g.setInterval = addTimer(true);
    g.clearTimeout = clear;
    g.clearInterval = clear;

    g.wx = this.#makeWx();

    g.App = (options) => {
      realm.appOptions = options;
    };
    g.getApp = () => realm.app;
    g.getCurrentPages = () => realm.toRealmArray(realm.pageStack);
    g.Page = (options) => {
      if (!realm.definingRoute) throw new Error('Page() called outside a page file');
      realm.pageDefinitions.set(realm.definingRoute, options);
    };
    g.Component = (options) => {
      realm.componentDefinitions.push({ file: realm.definingFile, options });
    };
    g.Behavior = (options) => options;
    g.requirePlugin = (name) => {
      throw new Error(`requirePlugin("${name}"): this mini-program declares no plugins`);
    };
    // WeChat's module loader: define(path, factory) registers a file, require(path) runs it once.
    g.define = (file, factory) => {
      realm.modules.set(file, { factory, module: null });
    };
    g.require = (file) => realm.requireFile(file, '');
  }

  toRealmArray(items) {
    const array = vm.runInContext('[]', this.context);
    for (const item of items) array.push(item);
    return array;
  }

  /** WeChat resolves require() against the requiring file and adds ".js" when it is missing. */
  requireFile(request, fromFile) {
    let file = request.startsWith('/') ? request.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), request));
    if (!file.endsWith('.js')) file += '.js';
    if (!this.modules.has(file)) {
      const full = path.join(this.distDir, file);
      if (!fs.existsSync(full)) throw new Error(`module "${file}" is not defined`);
      const factory = vm.compileFunction(fs.readFileSync(full, 'utf8'), ['require', 'module', 'exports'], {
        parsingContext: this.context,
        filename: full,
      });
      this.modules.set(file, { factory, module: null });
    }
    const entry = this.modules.get(file);
    if (entry.module) return entry.module.exports;
    entry.module = vm.runInContext('({ exports: {} })', this.context);
    const previous = this.definingFile;
    this.definingFile = file;
    try {
      entry.factory.call(entry.module.exports, (r) => this.requireFile(r, file), entry.module, entry.module.exports);
    } finally {
      this.definingFile = previous;
    }
    return entry.module.exports;
  }

  #makeWx() {
    const realm = this;
    const wx = {};
    const async = (name, work) => (options = {}) => {
      const finish = (kind, result) => {
        realm.guard(`wx.${name} ${kind}`, () => {
          const res = realm.toRealm(result);
          if (typeof options[kind] === 'function') options[kind](res);
          if (typeof options.complete === 'function') options.complete(res);
        });
        realm.#wake();
      };
      realm.inflight += 1;
      Promise.resolve()
        .then(() => work(options))
        .then(
          (result) => finish('success', { errMsg: `${name}:ok`, ...result }),
          (error) => finish('fail', { errMsg: `${name}:fail ${error?.message ?? error}`, ...(error?.errno ? { errno: error.errno } : {}) }),
        )
        .finally(() => {
          realm.inflight -= 1;
          realm.#wake();
        });
      return undefined;
    };
    const impl = {
      getSystemInfoSync: () => realm.toRealm(SYSTEM_INFO),
      getSystemInfo: async('getSystemInfo', () => SYSTEM_INFO),
      getWindowInfo: () => realm.toRealm(WINDOW_INFO),
      getAppBaseInfo: () => realm.toRealm({ SDKVersion: SYSTEM_INFO.SDKVersion, language: 'zh_CN', version: SYSTEM_INFO.version, theme: 'light', fontSizeSetting: 16, enableDebug: false }),
      getDeviceInfo: () => realm.toRealm({ brand: 'devtools', model: 'iPhone X', system: 'iOS 16.0', platform: 'devtools', pixelRatio: 2 }),
      getMenuButtonBoundingClientRect: () => realm.toRealm({ width: 87, height: 32, top: 48, right: 367, bottom: 80, left: 280 }),
      getAccountInfoSync: () => realm.toRealm({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
      getLaunchOptionsSync: () => realm.toRealm({ path: realm.appJson.pages[0], query: {}, scene: 1001, referrerInfo: {} }),
      getEnterOptionsSync: () => realm.toRealm({ path: realm.appJson.pages[0], query: {}, scene: 1001, referrerInfo: {} }),
      canIUse: (schema) => typeof wx[String(schema).split('.')[0]] !== 'undefined',
      nextTick: (fn) => {
        Promise.resolve().then(() => realm.guard('wx.nextTick', fn));
      },
      getStorageSync: (key) => (realm.storage.has(key) ? realm.realmJSON.parse(realm.storage.get(key)) : ''),
      setStorageSync: (key, value) => {
        realm.storage.set(key, realm.realmJSON.stringify(value === undefined ? null : value));
      },
      removeStorageSync: (key) => {
        realm.storage.delete(key);
      },
      clearStorageSync: () => realm.storage.clear(),
      getStorageInfoSync: () => realm.toRealm({ keys: [...realm.storage.keys()], currentSize: 0, limitSize: 10240 }),
      request: (options = {}) => {
        async('request', async (o) => {
          const method = String(o.method ?? 'GET').toUpperCase();
          const header = { ...(o.header ?? {}) };
          let url = String(o.url);
          let body;
          if (o.data !== undefined && o.data !== null) {
            if (method === 'GET') {
              if (typeof o.data === 'object') {
                const query = new URLSearchParams(Object.entries(o.data).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();
                if (query) url += (url.includes('?') ? '&' : '?') + query;
              }
            } else if (typeof o.data === 'string') body = o.data;
            else {
              body = JSON.stringify(o.data);
              const hasType = Object.keys(header).some((k) => k.toLowerCase() === 'content-type');
              if (!hasType) header['content-type'] = 'application/json';
            }
          }
          const response = await realm.transport({ url, method, header, body });
          let data = response.text;
          if ((o.dataType ?? 'json') === 'json') {
            try {
              data = JSON.parse(response.text);
            } catch {
              // WeChat hands over the text as it came when it is not JSON.
            }
          }
          return { data, statusCode: response.statusCode, header: response.header ?? {} };
        })(options);
        return vm.runInContext('({ abort() {}, onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {}, offChunkReceived() {} })', realm.context);
      },
      login: async('login', () => ({ code: `vm-code-${Math.random().toString(36).slice(2)}` })),
      showToast: async('showToast', (o) => {
        realm.toasts.push(String(o.title ?? ''));
        return {};
      }),
      hideToast: async('hideToast', () => ({})),
      showLoading: async('showLoading', () => ({})),
      hideLoading: async('hideLoading', () => ({})),
      showModal: async('showModal', (o) => {
        realm.modals.push({ title: String(o.title ?? ''), content: String(o.content ?? '') });
        return { ...realm.modalAnswer };
      }),
      showShareMenu: async('showShareMenu', () => ({})),
      hideShareMenu: async('hideShareMenu', () => ({})),
      setNavigationBarTitle: async('setNavigationBarTitle', (o) => {
        realm.navigationBarTitle = o.title;
        return {};
      }),
      pageScrollTo: async('pageScrollTo', () => ({})),
      stopPullDownRefresh: async('stopPullDownRefresh', () => ({})),
      onNeedPrivacyAuthorization: (listener) => {
        realm.privacyListener = listener;
      },
      getPrivacySetting: async('getPrivacySetting', () => ({ needAuthorization: !realm.privacyAgreed, privacyContractName: '《隐私保护指引》' })),
      getLocation: async('getLocation', async () => {
        await realm.#privacyGate('getLocation');
        return { ...realm.location, accuracy: 30, altitude: 0, speed: -1, verticalAccuracy: 0, horizontalAccuracy: 30 };
      }),
      navigateTo: async('navigateTo', (o) => realm.#navigate('navigateTo', o.url)),
      redirectTo: async('redirectTo', (o) => realm.#navigate('redirectTo', o.url)),
      reLaunch: async('reLaunch', (o) => realm.#navigate('reLaunch', o.url)),
      switchTab: async('switchTab', (o) => realm.#navigate('switchTab', o.url)),
      navigateBack: async('navigateBack', (o) => realm.#back(o.delta ?? 1)),
      createSelectorQuery: () => realm.#selectorQuery(),
    };
    for (const name of wxApiNames()) {
      if (impl[name]) wx[name] = impl[name];
      else if (/^(on|off)[A-Z]/.test(name)) {
        // Event registrations (onAppShow, offNetworkStatusChange...) only store a listener: no
        // event of theirs happens during a boot, so accepting them is what WeChat does too.
        wx[name] = () => undefined;
      } else if (name === 'cloud' || name === 'env') {
        wx[name] = vm.runInContext('({})', realm.context);
      } else {
        wx[name] = (...args) => {
          realm.unimplemented.push(name);
          throw new Error(`wx.${name} has no stand-in in the test realm: add one to test-weapp/realm.mjs`);
        };
      }
    }
    for (const name of Object.keys(impl)) {
      if (!(name in wx)) throw new Error(`The test realm defines wx.${name}, which WeChat's typings do not have`);
    }
    return vm.runInContext('(o) => Object.assign({}, o)', this.context)(wx);
  }

  async #privacyGate(api) {
    if (this.privacyAgreed || !this.appJson.__usePrivacyCheck__) return;
    if (typeof this.privacyListener !== 'function') {
      throw Object.assign(new Error('privacy permission is not authorized'), { errno: 104 });
    }
    // Until she answers, the call waits on her, not on the mini-program: settle() does not wait for it.
    this.waitingForHer += 1;
    const answer = await new Promise((resolve) => {
      this.guard(`onNeedPrivacyAuthorization (${api})`, this.privacyListener, (option) => {
        if (option?.event === 'exposureAuthorization') return;
        resolve(option ?? {});
      });
    }).finally(() => {
      this.waitingForHer -= 1;
    });
    // WeChat lets the call go on only after a real tap on an agreePrivacyAuthorization button.
    if (answer.event === 'agree' && Date.now() - this.lastAgreeTapAt < 5_000) {
      this.privacyAgreed = true;
      return;
    }
    throw Object.assign(new Error('privacy permission is not authorized'), { errno: 104 });
  }

  #selectorQuery() {
    const query = {
      in: () => query,
      select: () => nodesRef,
      selectAll: () => nodesRef,
      selectViewport: () => nodesRef,
      exec: (cb) => {
        if (typeof cb === 'function') setTimeout(() => this.guard('selectorQuery.exec', cb, this.toRealm([null])), 0);
      },
    };
    const nodesRef = {
      boundingClientRect: () => query,
      scrollOffset: () => query,
      fields: () => query,
      node: () => query,
      context: () => query,
    };
    return query;
  }

  /** Starts the app as WeChat does: app.js, then App's onLaunch and onShow. */
  launch() {
    this.requireFile('app.js', '');
    if (!this.appOptions) throw new Error('app.js did not call App()');
    this.app = this.appOptions;
    const launch = this.toRealm({ path: this.appJson.pages[0], query: {}, scene: 1001, referrerInfo: {} });
    if (typeof this.app.onLaunch === 'function') this.guard('App.onLaunch', () => this.app.onLaunch(launch));
    if (typeof this.app.onShow === 'function') this.guard('App.onShow', () => this.app.onShow(launch));
    return this;
  }

  isTabPage(route) {
    return (this.appJson.tabBar?.list ?? []).some((t) => t.pagePath === route);
  }

  allPageRoutes() {
    const routes = [...this.appJson.pages];
    for (const sub of this.appJson.subPackages ?? []) for (const p of sub.pages) routes.push(`${sub.root}/${p}`);
    return routes;
  }

  pageJson(route) {
    return JSON.parse(fs.readFileSync(path.join(this.distDir, `${route}.json`), 'utf8'));
  }

  /** Loads a page file, makes its instance and runs onLoad, onShow and onReady, as WeChat does. */
  openPage(route, options = {}) {
    if (!this.allPageRoutes().includes(route)) throw new Error(`page "${route}" is not in app.json`);
    if (!this.pageDefinitions.has(route)) {
      this.definingRoute = route;
      try {
        this.requireFile(`${route}.js`, '');
      } finally {
        this.definingRoute = null;
      }
      if (!this.pageDefinitions.has(route)) throw new Error(`${route}.js did not call Page()`);
    }
    const definition = this.pageDefinitions.get(route);
    const realm = this;
    const page = vm.runInContext('({})', this.context);
    for (const [key, value] of Object.entries(definition)) {
      page[key] = typeof value === 'function' ? value : key === 'data' ? this.toRealm(value ?? {}) : value;
    }
    if (!page.data) page.data = vm.runInContext('({})', this.context);
    const setDataCalls = [];
    Object.assign(page, {
      route,
      __route__: route,
      options: this.toRealm(options),
      setData(data, callback) {
        const json = JSON.stringify(data);
        setDataCalls.push({ bytes: Buffer.byteLength(json ?? ''), keys: Object.keys(data ?? {}) });
        if (Buffer.byteLength(json ?? '') > SET_DATA_LIMIT_BYTES) {
          throw new Error(`setData payload of ${Buffer.byteLength(json)} bytes exceeds WeChat's 1 MB`);
        }
        for (const [key, value] of Object.entries(data ?? {})) setPath(page.data, key, realm.toRealm(value));
        if (typeof callback === 'function') setTimeout(() => realm.guard(`${route} setData callback`, callback), 0);
        realm.#wake();
      },
      selectComponent: () => null,
      selectAllComponents: () => realm.toRealmArray([]),
      createSelectorQuery: () => realm.#selectorQuery(),
      getOpenerEventChannel: () => ({ emit() {}, on() {}, once() {}, off() {} }),
    });
    Object.defineProperty(page, 'setDataCalls', { value: setDataCalls, enumerable: false });
    this.pageStack.push(page);
    const query = this.toRealm(options);
    for (const hook of ['onLoad', 'onShow', 'onReady']) {
      if (typeof page[hook] === 'function') this.guard(`${route} ${hook}`, () => page[hook].call(page, query));
    }
    this.#wake();
    return page;
  }

  #hide(page) {
    if (page && typeof page.onHide === 'function') this.guard(`${page.route} onHide`, () => page.onHide());
  }

  #unload(page) {
    if (page && typeof page.onUnload === 'function') this.guard(`${page.route} onUnload`, () => page.onUnload());
  }

  #navigate(kind, url) {
    const current = this.pageStack[this.pageStack.length - 1];
    const { route, options } = parseUrl(String(url), current?.route);
    if (!this.allPageRoutes().includes(route)) throw new Error(`page "${route}" is not found`);
    const tab = this.isTabPage(route);
    if ((kind === 'navigateTo' || kind === 'redirectTo') && tab) throw new Error(`can not ${kind} a tabbar page`);
    if (kind === 'switchTab' && !tab) throw new Error('can not switchTab to a non-tabbar page');
    if (kind === 'navigateTo') this.#hide(current);
    if (kind === 'redirectTo') this.#unload(this.pageStack.pop());
    if (kind === 'reLaunch' || kind === 'switchTab') {
      while (this.pageStack.length) this.#unload(this.pageStack.pop());
    }
    this.openPage(route, options);
    return {};
  }

  #back(delta) {
    if (this.pageStack.length <= 1) throw new Error('cannot navigate back at first page.');
    for (let i = 0; i < delta && this.pageStack.length > 1; i += 1) this.#unload(this.pageStack.pop());
    const top = this.currentPage();
    if (top && typeof top.onShow === 'function') this.guard(`${top.route} onShow`, () => top.onShow());
    return {};
  }

  currentPage() {
    return this.pageStack[this.pageStack.length - 1];
  }

  /**
   * Waits until the mini-program has nothing left to do soon: no wx call in flight and no timer due
   * within `timersUpTo` ms (render passes, retries). Longer timers (polling) are left running.
   */
  async settle({ timersUpTo = 100, within = 15_000 } = {}) {
    const deadline = Date.now() + within;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      const now = Date.now();
      const soon = [...this.timers.values()].some((t) => !t.repeat && t.due - now <= timersUpTo);
      if (this.inflight - this.waitingForHer === 0 && !soon) return;
      if (now > deadline) throw new Error(`the mini-program did not settle within ${within} ms (${this.inflight} wx calls in flight)`);
      await new Promise((resolve) => {
        const timeout = setTimeout(done, Math.max(1, deadline - now));
        function done() {
          clearTimeout(timeout);
          resolve();
        }
        this.wakers.add(done);
      });
      this.wakers.clear();
    }
  }

  /**
   * Taps the element she sees with `label` (the innermost element whose text is the label), as
   * WeChat delivers a tap to Taro's event handler: by the element's sid, bubbling in Taro's tree.
   */
  tap(label, { type = 'tap' } = {}) {
    const page = this.currentPage();
    const element = findElementByText(page.data.root, label);
    if (!element) throw new Error(`no element showing "${label}" on ${page.route}; it shows: ${textsOf(page.data).join(' | ')}`);
    return this.dispatch(element, type);
  }

  dispatch(element, type, detail = {}) {
    const page = this.currentPage();
    const id = element.sid ?? element.uid;
    if (type === 'agreeprivacyauthorization') this.lastAgreeTapAt = Date.now();
    const target = { id, dataset: { sid: id } };
    const event = this.toRealm({ type, timeStamp: Date.now(), target, currentTarget: target, detail, mark: {} });
    if (typeof page.eh !== 'function') throw new Error(`${page.route} has no event handler (eh)`);
    return this.guard(`${page.route} ${type}`, () => page.eh(event));
  }

  findElement(predicate) {
    return findElement(this.currentPage().data.root, predicate);
  }

  close() {
    this.closed = true;
    for (const entry of this.timers.values()) (entry.repeat ? clearInterval : clearTimeout)(entry.handle);
    this.timers.clear();
  }
}

function ownText(node) {
  return (node.cn ?? []).filter(isTextNode).map((c) => c.v).join('');
}

function findElement(node, predicate) {
  if (!node || typeof node !== 'object') return null;
  for (const child of node.cn ?? []) {
    const found = findElement(child, predicate);
    if (found) return found;
  }
  return !isTextNode(node) && node.sid && predicate(node) ? node : null;
}

function findElementByText(root, label) {
  return findElement(root, (node) => ownText(node).trim() === label);
}
