import type { PropsWithChildren } from 'react';
import './app.css';
import { cancelJavascriptLinks } from './utils/platform';

cancelJavascriptLinks();

// Taro renders each page as a child of the app component.
export default function App({ children }: PropsWithChildren) {
  return children;
}
