import { useRouter } from '@tarojs/taro';
import type { ConcernDetail, ConcernSummary, RosterInvitationView, VoicesBoard } from '@wfh/shared';
import { fetchConcern, fetchMyConcerns, fetchRosterInvitation, fetchVoicesBoard } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { useReloadOnReturn } from '../../hooks/useRequests';
import { isOpenConcern } from '../../utils/voices';

/** Reloaded when she comes back from raising or co-signing one. */
export function useVoicesBoard(federationId: string) {
  const loaded = useLoad<VoicesBoard>(`voices:${federationId}`, () => fetchVoicesBoard(federationId));
  useReloadOnReturn(loaded.reload);
  return loaded;
}

export function useMyConcerns() {
  const loaded = useLoad<ConcernSummary[]>('my-concerns', fetchMyConcerns);
  useReloadOnReturn(loaded.reload);
  return loaded;
}

export function useConcern(id: string | null) {
  return useLoad<ConcernDetail>(id === null ? null : `concern:${id}`, () => fetchConcern(id!));
}

export type ConcernDetails = Record<string, ConcernDetail>;

/**
 * The board's summaries do not say whether she may co-sign, so the open ones are asked for one by
 * one. One that does not load simply shows no button; she can still open it. Asked again whenever a
 * count on the board changes (she co-signed on the concern's own page, say).
 */
export function useOpenConcernDetails(concerns: readonly ConcernSummary[]) {
  const open = concerns.filter((concern) => isOpenConcern(concern.status));
  const key = open.map((concern) => `${concern.id}:${concern.cosignCount}`).join(',');
  return useLoad<ConcernDetails>(`details:${key}`, async () => {
    const details = await Promise.all(open.map((concern) => fetchConcern(concern.id).catch(() => null)));
    return Object.fromEntries(details.flatMap((detail) => (detail === null ? [] : [[detail.id, detail]])));
  });
}

export function useRosterInvitation(code: string | null) {
  return useLoad<RosterInvitationView>(code === null ? null : `invitation:${code}`, () => fetchRosterInvitation(code!));
}

/** A page's query value (`?id=…`), or null when it is missing or empty. */
export function useQueryParam(name: string): string | null {
  const value = useRouter().params[name];
  return typeof value === 'string' && value !== '' ? value : null;
}
