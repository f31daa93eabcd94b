import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorCode, type DemoPerson } from '@wfh/shared';
import { ApiError, listDemoPeople } from '../api';

export type DemoPeopleState =
  | { status: 'loading' }
  | { status: 'ready'; people: DemoPerson[] }
  /** A production server: demo sign-in is for development only. */
  | { status: 'disabled' }
  | { status: 'failed' };

/** The demo people the server offers for signing in from a browser. */
export function useDemoPeople(): { state: DemoPeopleState; reload: () => void } {
  const [state, setState] = useState<DemoPeopleState>({ status: 'loading' });
  const latest = useRef(0);

  const load = useCallback(async () => {
    const run = ++latest.current;
    setState({ status: 'loading' });
    try {
      const people = await listDemoPeople();
      if (run === latest.current) setState({ status: 'ready', people });
    } catch (error) {
      const disabled = error instanceof ApiError && error.code === ErrorCode.DevSignInDisabled;
      if (run === latest.current) setState({ status: disabled ? 'disabled' : 'failed' });
    }
  }, []);

  useEffect(() => {
    void load();
    return () => {
      latest.current += 1;
    };
  }, [load]);

  const reload = useCallback(() => void load(), [load]);
  return { state, reload };
}
