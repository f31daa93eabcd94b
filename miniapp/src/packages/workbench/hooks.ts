import type { ActivityDetail, ActivitySummary, AttendeeList, BodyMember, CoverView } from '@wfh/shared';
import { fetchActivity, fetchAttendees, fetchCover, fetchFederationActivities, fetchMembers } from '../../api';
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

/** A body's activities, drafts included; reloaded when she comes back from changing one. */
export function useBodyActivities(federationId: string | null) {
  const loaded = useLoad<ActivitySummary[]>(federationId === null ? null : `activities:${federationId}`, () =>
    fetchFederationActivities(federationId!),
  );
  useReloadOnReturn(loaded.reload);
  return loaded;
}

export function useManagedActivity(id: string | null) {
  return useLoad<ActivityDetail>(id === null ? null : `activity:${id}`, () => fetchActivity(id!));
}

export function useAttendees(activityId: string) {
  return useLoad<AttendeeList>(`attendees:${activityId}`, () => fetchAttendees(activityId));
}
