import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; error: ApiError };

/**
 * Loads what a page shows and reloads when `key` changes; a slower answer to an older key never
 * overwrites a newer one. A null key loads nothing and stays loading. `set` shows data that arrived
 * another way (the answer to a change she made) without asking again.
 */
export function useLoad<T>(
  key: string | null,
  load: () => Promise<T>,
): { state: LoadState<T>; reload: () => void; set: (data: T) => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const latest = useRef(0);
  // The loader changes identity on every render; only the key decides when to load again.
  const loader = useRef(load);
  loader.current = load;

  const run = useCallback(async () => {
    const mine = ++latest.current;
    setState({ status: 'loading' });
    try {
      const data = await loader.current();
      if (mine === latest.current) setState({ status: 'ready', data });
    } catch (error) {
      if (mine === latest.current) {
        setState({ status: 'failed', error: error instanceof ApiError ? error : ApiError.network() });
      }
    }
  }, []);

  useEffect(() => {
    if (key !== null) void run();
    return () => {
      latest.current += 1;
    };
  }, [key, run]);

  const reload = useCallback(() => void run(), [run]);
  const set = useCallback((data: T) => {
    latest.current += 1;
    setState({ status: 'ready', data });
  }, []);
  return { state, reload, set };
}
