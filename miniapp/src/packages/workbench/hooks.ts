import type { BodyMember, CoverView } from '@wfh/shared';
import { fetchCover, fetchMembers } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { useReloadOnReturn } from '../../hooks/useRequests';

/** A body's chair absences, reloaded when she comes back from setting one. */
export function useCover(federationId: string | null) {
  const loaded = useLoad<CoverView[]>(federationId === null ? null : `cover:${federationId}`, () => fetchCover(federationId!));
  useReloadOnReturn(loaded.reload);
  return loaded;
}

export function useMembers(federationId: string) {
  return useLoad<BodyMember[]>(`members:${federationId}`, () => fetchMembers(federationId));
}
