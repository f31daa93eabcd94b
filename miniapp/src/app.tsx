import type { PropsWithChildren } from 'react';
import './app.css';
import { cancelJavascriptLinks } from './utils/platform';
import { guardHistoryAfterQuickExit } from './utils/quick-exit';

cancelJavascriptLinks();
// Before Taro's router adds its own history listeners, which it does right after this module loads.
guardHistoryAfterQuickExit();

// Taro renders each page as a child of the app component.
export default function App({ children }: PropsWithChildren) {
  return children;
}
