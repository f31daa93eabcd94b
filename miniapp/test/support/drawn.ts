import { act, getConfig, waitFor } from '@testing-library/react';
import * as stencil from './stencil-runtime';

/**
 * When Taro's web components are ready.
 *
 * In H5, Taro's <Input>, <Textarea>, <Button>, <Picker>… are Stencil web components, loaded the way
 * @tarojs/components/lib/react loads them: Stencil's custom-elements build. React puts the host
 * element (<taro-input-core>) on the page at once; Stencil draws what is inside it (the real <input>,
 * the picker's wheel) later, on an animation frame. That build has no componentOnReady() and sets no
 * `hydrated` class (both belong to Stencil's lazy-loading build; @stencil/core 2.22's runtime only
 * runs them when BUILD.asyncLoading, which is off here). What it does keep, for every host, is its
 * own record with a "has loaded" flag, set once the first render and componentDidLoad are done.
 * That flag is the readiness this waits on, checked after every animation frame, the only moment
 * Stencil draws.
 */

/** HOST_FLAGS.hasLoadedComponent in Stencil's runtime: first render and componentDidLoad done. */
const HAS_LOADED = 64;

// The browser's own animation frames and clock, taken before any test can install Jest's fake
// timers (this module is loaded by the setup file). jsdom drives its frames from Node's real timers.
const realFrame = window.requestAnimationFrame.bind(window);
const realNow = performance.now.bind(performance);

/**
 * Stencil draws on the browser's animation frames, whatever a test does to the app's clocks. Left
 * on the global requestAnimationFrame, a test with fake timers could take a frame Stencil had asked
 * for and drop it with jest.useRealTimers(); Stencil, still waiting for that frame, then never drew
 * another component in the file. The setup file calls this once; drawn.test.tsx passes frames of
 * its own to show what a page that never draws looks like.
 */
export function drawStencilOn(frames: (callback: FrameRequestCallback) => unknown = realFrame): void {
  stencil.setPlatformHelpers({ raf: (callback) => void frames(callback) });
}

const nextFrame = () => act(() => new Promise<void>((resolve) => realFrame(() => resolve())));

/** How long a wait may last before it fails: a bound for a broken page, never a pause (setup). */
const failureBound = () => getConfig().asyncUtilTimeout;

const seconds = (ms: number) => `${ms / 1000} s`;

function describe(element: Element): string {
  const classes = element.getAttribute('class');
  return `<${element.tagName.toLowerCase()}${classes ? ` class="${classes}"` : ''}>`;
}

/** The first element matching the selector, once the page has put it there. */
export function onPage<T extends Element = HTMLElement>(selector: string, what = selector): Promise<T> {
  return waitFor(() => {
    const found = document.querySelector<T & Element>(selector);
    if (found === null) throw new Error(`${what} never became ready: nothing on the page matches it after ${seconds(failureBound())}`);
    return found;
  });
}

/**
 * Resolves with the Taro component (an element, or the first match of a selector once the page
 * shows one) as soon as Taro's web component has drawn it. Fails, saying which component, only if
 * that has not happened within the failure bound, or if the element is not one of Taro's.
 */
export async function drawn<T extends HTMLElement = HTMLElement>(target: string | Element, what?: string): Promise<T> {
  const host = typeof target === 'string' ? await onPage(target, what) : target;
  const name = what ?? describe(host);
  const record = stencil.getHostRef(host);
  if (record === undefined) throw new Error(`${name} (${describe(host)}) is not one of Taro's web components: Stencil keeps no record of it`);
  const deadline = realNow() + failureBound();
  while ((record.$flags$ & HAS_LOADED) === 0) {
    if (!host.isConnected) throw new Error(`${name} left the page before Taro's web component drew it`);
    if (realNow() > deadline) {
      const which = what === undefined ? 'it' : describe(host);
      throw new Error(`${name} never became ready: ${which} is on the page but Taro's web component had not drawn it after ${seconds(failureBound())}`);
    }
    await nextFrame();
  }
  return host as T;
}
