import { ActivityCategory, type ActivitySummary, type ConcernSummary, type RosterEntryDetail, type RosterEntryView } from '@wfh/shared';
import { fetchBodyConcerns, fetchFederationActivities, fetchRoster, fetchRosterEntry } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { useReloadOnReturn } from '../../hooks/useRequests';

/** All of a body's concerns, pending and declined included, for its moderators. */
export function useBodyConcerns(federationId: string) {
  const loaded = useLoad<ConcernSummary[]>(`concerns:${federationId}`, () => fetchBodyConcerns(federationId));
  useReloadOnReturn(loaded.reload);
  return loaded;
}

/** The body's 妇女议事会 meetings an answer may name: published or held, newest first. */
export function useCouncilMeetings(federationId: string) {
  return useLoad<ActivitySummary[]>(`council:${federationId}`, async () =>
    (await fetchFederationActivities(federationId))
      .filter((activity) => activity.category === ActivityCategory.Council && (activity.status === 'published' || activity.status === 'finished'))
      .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt)),
  );
}

/** Reloaded when she comes back from an entry, where she may have logged a contact. */
export function useRoster(federationId: string) {
  const loaded = useLoad<RosterEntryView[]>(`roster:${federationId}`, () => fetchRoster(federationId));
  useReloadOnReturn(loaded.reload);
  return loaded;
}

export function useRosterEntry(id: string) {
  return useLoad<RosterEntryDetail>(`roster-entry:${id}`, () => fetchRosterEntry(id));
}
