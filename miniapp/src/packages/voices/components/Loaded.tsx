import type { ReactNode } from 'react';
import type { LoadState } from '../../../hooks/useLoad';
import { LoadFailed, Loading } from '../../../components/StatusViews';

/** What a useLoad hook loaded, once it has: loading and failure (with 重新加载) drawn here. */
export function Loaded<T>({
  loaded,
  children,
}: {
  loaded: { state: LoadState<T>; reload: () => void };
  children: (data: T) => ReactNode;
}) {
  const { state, reload } = loaded;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  return <>{children(state.data)}</>;
}
