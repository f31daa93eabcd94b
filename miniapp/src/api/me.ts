import { ApiPaths, type MeResponse, type SetHomeRequest } from '@wfh/shared';
import { apiRequest } from './client';

type Listener = (me: MeResponse) => void;
const listeners = new Set<Listener>();

export function fetchMe(): Promise<MeResponse> {
  return apiRequest<MeResponse>({ path: ApiPaths.me });
}

/**
 * Pages already open (the home tab stays alive under the chooser) show her new village at once,
 * without asking the server again.
 */
export function onMeUpdated(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** "This is my village/community": a 12-digit village or community body. Failures show a toast. */
export async function setHome(federationId: string): Promise<MeResponse> {
  const body: SetHomeRequest = { federationId };
  const me = await apiRequest<MeResponse>({ method: 'PUT', path: ApiPaths.meHome, data: body });
  for (const listener of [...listeners]) listener(me);
  return me;
}
