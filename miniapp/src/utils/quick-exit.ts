import Taro from '@tarojs/taro';
import { keepsBrowserHistory } from './platform';
import { Routes } from './routes';

const NEUTRAL_HASH = `#${Routes.neutral}`;

function neutralHref(): string {
  return `${window.location.pathname}${window.location.search}${NEUTRAL_HASH}`;
}

/**
 * 快速离开: straight to a page that shows nothing of hers, with the page stack emptied so that
 * nothing she had open stays in memory. Taro.reLaunch does both in the mini-program; in the
 * browser the neutral page also keeps 返回 from going back (guardBrowserHistory).
 */
export function quickExit(): void {
  void Taro.reLaunch({ url: Routes.neutral }).catch(() => {
    // reLaunch only fails when the page cannot be found; leaving must still happen.
    if (keepsBrowserHistory) window.location.replace(neutralHref());
  });
}

/**
 * While the neutral page is open in the browser, 返回 must not reopen what she had open before.
 * Earlier history entries cannot be deleted, so each one she steps back onto is overwritten with
 * the neutral page before Taro's router (which listens to the same events, later) can show it.
 * Returns the function that lifts the guard.
 */
export function guardBrowserHistory(): () => void {
  if (!keepsBrowserHistory) return () => undefined;
  const stayNeutral = (event: Event) => {
    if (window.location.hash === NEUTRAL_HASH) return;
    event.stopImmediatePropagation();
    window.history.replaceState(window.history.state, '', neutralHref());
  };
  // Capturing listeners on the window run before the router's own (non-capturing) ones.
  window.addEventListener('popstate', stayNeutral, true);
  window.addEventListener('hashchange', stayNeutral, true);
  return () => {
    window.removeEventListener('popstate', stayNeutral, true);
    window.removeEventListener('hashchange', stayNeutral, true);
  };
}
