import { useEffect, useState } from 'react';
import { watchWideScreen } from '../utils/platform';

/** A PC-wide browser window (utils/platform.ts); false in WeChat and on phones. */
export function useWideScreen(): boolean {
  const [wide, setWide] = useState(() => {
    const { wide: now, stop } = watchWideScreen(() => undefined);
    stop();
    return now;
  });
  useEffect(() => {
    const watch = watchWideScreen(setWide);
    setWide(watch.wide);
    return watch.stop;
  }, []);
  return wide;
}
