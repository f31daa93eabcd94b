import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeResponse } from '@wfh/shared';
import {
  ApiError,
  fetchMe,
  hasSession,
  onMeUpdated,
  onSessionChange,
  signedOutByUser,
  signInWithWechat,
} from '../api';
import { signInMethod } from '../utils/platform';

export type MeState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'ready'; me: MeResponse }
  | { status: 'failed'; error: ApiError };

export interface UseMe {
  state: MeState;
  reload: () => void;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : ApiError.network();
}

/** Why a load runs: WeChat sign-in happens by itself only when a page opens or she asks again. */
type LoadReason = 'open' | 'retry' | 'session-change';

/**
 * Who is signed in, with her roles and her home body. In the mini-program she is signed in with
 * WeChat when a page opens (unless she signed out herself); in the browser she picks a demo person.
 * A session lost later (e.g. refused by the server) is not renewed behind her back: a server that
 * keeps refusing would otherwise be asked again and again.
 */
export function useMe(): UseMe {
  const [state, setState] = useState<MeState>({ status: 'loading' });
  // Only the latest load may set state: a sign-in during a load starts a newer one.
  const latest = useRef(0);

  const load = useCallback(async (reason: LoadReason) => {
    const run = ++latest.current;
    const settle = (next: MeState) => {
      if (run === latest.current) setState(next);
    };

    if (!hasSession()) {
      const automatic = signInMethod === 'wechat' && reason !== 'session-change' && !signedOutByUser();
      if (!automatic) {
        settle({ status: 'signed-out' });
        return;
      }
      settle({ status: 'loading' });
      try {
        // Success starts a session, which notifies onSessionChange and loads again.
        await signInWithWechat();
      } catch (error) {
        settle({ status: 'failed', error: asApiError(error) });
      }
      return;
    }

    try {
      settle({ status: 'ready', me: await fetchMe() });
    } catch (error) {
      settle(hasSession() ? { status: 'failed', error: asApiError(error) } : { status: 'signed-out' });
    }
  }, []);

  useEffect(() => {
    void load('open');
    const unsubscribe = onSessionChange(() => void load('session-change'));
    // She chose her village on another page: the answer to that change is already the new /me.
    const stopUpdates = onMeUpdated((me) => {
      latest.current += 1;
      setState({ status: 'ready', me });
    });
    return () => {
      unsubscribe();
      stopUpdates();
      // Let a load still in flight finish without touching an unmounted page.
      latest.current += 1;
    };
  }, [load]);

  const reload = useCallback(() => void load('retry'), [load]);
  return { state, reload };
}
