import { useRef } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import type { InboxCounts, ReferredOutSummary, RequestDetail, RequestSummary, ServiceCategory } from '@wfh/shared';
import { fetchCategories, fetchInbox, fetchInboxCounts, fetchMyRequests, fetchReferredOut, fetchRequest } from '../api';
import { useLoad } from './useLoad';

export function useCategories() {
  return useLoad<ServiceCategory[]>('categories', fetchCategories);
}

/**
 * Lists go stale while she is on another page (she filed, a handler acted): coming back to the
 * page loads them again.
 */
export function useReloadOnReturn(reload: () => void): void {
  // Reload only after the page was left: a component that mounts late (inside SignedIn, once she is
  // known) sees its first show only when she comes back, and must not take that for the page opening.
  const left = useRef(false);
  useDidHide(() => {
    left.current = true;
  });
  useDidShow(() => {
    if (!left.current) return;
    left.current = false;
    reload();
  });
}

export function useMyRequests() {
  const loaded = useLoad<RequestSummary[]>('mine', fetchMyRequests);
  useReloadOnReturn(loaded.reload);
  return loaded;
}

export function useRequestDetail(id: string | null) {
  return useLoad<RequestDetail>(id, () => fetchRequest(id!));
}

export function useInbox(federationId: string) {
  const loaded = useLoad<RequestSummary[]>(federationId, () => fetchInbox(federationId));
  useReloadOnReturn(loaded.reload);
  return loaded;
}

/** What a body referred away, as the list of 「我转出的」 shows it. */
export function useReferredOut(federationId: string) {
  const loaded = useLoad<ReferredOutSummary[]>(federationId, () => fetchReferredOut(federationId));
  useReloadOnReturn(loaded.reload);
  return loaded;
}

/** Her inboxes in numbers; null loads nothing (she answers requests nowhere). */
export function useInboxCounts(enabled: boolean) {
  const loaded = useLoad<InboxCounts>(enabled ? 'inbox-counts' : null, fetchInboxCounts);
  useReloadOnReturn(loaded.reload);
  return loaded;
}
