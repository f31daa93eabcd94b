import type { ReactNode } from 'react';
import type { MeResponse } from '@wfh/shared';
import { useMe } from '../hooks/useMe';
import { SignInPanel } from './SignInPanel';
import { LoadFailed, Loading } from './StatusViews';

/** Pages that need her: loading, sign-in and failure handled once; the page draws only what she sees. */
export function SignedIn({ children }: { children: (me: MeResponse) => ReactNode }) {
  const { state, reload } = useMe();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signed-out') return <SignInPanel />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  return <>{children(state.me)}</>;
}
