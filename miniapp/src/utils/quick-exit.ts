import Taro from '@tarojs/taro';
import { keepsBrowserHistory } from './platform';
import { Routes } from './routes';

const NEUTRAL_HASH = `#${Routes.neutral}`;

/**
 * Set by 快速离开 for the rest of the tab's life. Kept in sessionStorage, not in a module variable:
 * each subpackage of the H5 build carries its own copy of this module, and the mark must also
 * outlast a reload of the neutral page (someone pressing 刷新 and then 返回).
 */
const LEFT_KEY = 'wfh.quick-exit';

function hasLeft(): boolean {
  if (window.wfhQuickExit === true) return true;
  try {
    return window.sessionStorage.getItem(LEFT_KEY) !== null;
  } catch {
    return false;
  }
}

function markLeft(): void {
  window.wfhQuickExit = true;
  try {
    window.sessionStorage.setItem(LEFT_KEY, '1');
  } catch {
    // Storage refused (a private window): the mark on the window still holds until a reload.
  }
}

function forgetLeft(): void {
  window.wfhQuickExit = false;
  try {
    window.sessionStorage.removeItem(LEFT_KEY);
  } catch {
    // Nothing was stored.
  }
}

declare global {
  interface Window {
    wfhQuickExit?: boolean;
  }
}

function neutralHref(): string {
  return `${window.location.pathname}${window.location.search}${NEUTRAL_HASH}`;
}

/**
 * 快速离开: straight to a page that shows nothing of hers. Taro.reLaunch unloads every page she had
 * open (their state goes with them) and, in the mini-program, empties the page stack, so 返回 has
 * nowhere to go. The browser keeps her pages in its history and Taro's reLaunch only replaces the
 * last entry: from here on the guard below keeps 返回 on the neutral page.
 */
export function quickExit(): void {
  if (keepsBrowserHistory) markLeft();
  void Taro.reLaunch({ url: Routes.neutral }).catch(() => {
    // reLaunch only fails when the page cannot be found; leaving must still happen.
    if (keepsBrowserHistory) window.location.replace(neutralHref());
  });
}

/**
 * Browser only, installed once as the app loads. After 快速离开 every step back (or forward, or a
 * typed #address) lands on an entry of her earlier pages: it is overwritten with the neutral page
 * and the step is stopped before Taro's router hears of it, so none of her pages is rendered again.
 * Earlier entries cannot be deleted; each one becomes neutral as she steps onto it.
 *
 * The listeners must be the window's first: browsers run a window's own listeners in the order
 * they were added (Chromium does even for capturing ones), and Taro's history adds its listener
 * right after the app module loads, which is where this is called from.
 *
 * Opening the app anywhere but the neutral page (its address typed afresh) lifts the guard: she
 * chose to come back.
 */
export function guardHistoryAfterQuickExit(): void {
  if (!keepsBrowserHistory || typeof window === 'undefined') return;
  if (window.location.hash !== NEUTRAL_HASH) forgetLeft();
  const stayNeutral = (event: Event) => {
    if (!hasLeft()) return;
    event.stopImmediatePropagation();
    if (window.location.hash !== NEUTRAL_HASH) window.history.replaceState(window.history.state, '', neutralHref());
  };
  window.addEventListener('popstate', stayNeutral, true);
  window.addEventListener('hashchange', stayNeutral, true);
}
