import type { ActivityDetail, MySignup } from '@wfh/shared';
import { fetchActivity, fetchMySignups, keepWithSession, keptWithSession } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { useReloadOnReturn } from '../../hooks/useRequests';

/** null key: wait (her sign-in is still settling, and the answer depends on who she is). */
export function useActivity(key: string | null, id: string) {
  return useLoad<ActivityDetail>(key, () => fetchActivity(id));
}

export interface MySignupsView {
  signups: MySignup[];
  /** When the list shown was fetched, if it comes from the phone because the server could not be reached. */
  keptAt: string | null;
}

interface Kept {
  savedAt: string;
  signups: MySignup[];
}

function keptSignups(): Kept | null {
  const kept = keptWithSession('mySignups') as Partial<Kept> | null;
  return kept !== null && typeof kept.savedAt === 'string' && Array.isArray(kept.signups)
    ? { savedAt: kept.savedAt, signups: kept.signups }
    : null;
}

/**
 * Her sign-ups. Every answer is kept on the phone, so at the door, on a weak signal, her QR codes
 * still show from the last one.
 */
async function loadMySignups(): Promise<MySignupsView> {
  try {
    const signups = await fetchMySignups();
    const kept: Kept = { savedAt: new Date().toISOString(), signups };
    keepWithSession('mySignups', kept);
    return { signups, keptAt: null };
  } catch (error) {
    const kept = keptSignups();
    if (kept === null) throw error;
    return { signups: kept.signups, keptAt: kept.savedAt };
  }
}

export function useMySignups() {
  const loaded = useLoad<MySignupsView>('my-signups', loadMySignups);
  useReloadOnReturn(loaded.reload);
  return loaded;
}
