import { ApiPaths, type MeResponse, type PhoneRolesRequest, type SetHomeRequest, type SetNameRequest } from '@wfh/shared';
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
  return announce(await apiRequest<MeResponse>({ method: 'PUT', path: ApiPaths.meHome, data: body }));
}

/**
 * The name others see her by (null: none). The caller shows a refusal itself, next to the field:
 * a name from the county's list cannot be replaced, and the form says why.
 */
export async function setMyName(name: string | null): Promise<MeResponse> {
  const body: SetNameRequest = { name };
  return announce(await apiRequest<MeResponse>({ method: 'PUT', path: ApiPaths.meName, data: body, quiet: true }));
}

function announce(me: MeResponse): MeResponse {
  for (const listener of [...listeners]) listener(me);
  return me;
}

/**
 * She shares her WeChat phone number (the getPhoneNumber button's code): if the county listed her,
 * she now holds her roles under her listed name. Failures show a toast.
 */
export async function claimListedRoles(code: string): Promise<MeResponse> {
  const body: PhoneRolesRequest = { code };
  return announce(await apiRequest<MeResponse>({ method: 'POST', path: ApiPaths.mePhone, data: body }));
}

