import type { ActivitiesQuery, ActivitySummary } from '@wfh/shared';
import { fetchActivities } from '../api';
import { useLoad } from './useLoad';
import { useReloadOnReturn } from './useRequests';

/** Upcoming activities for a query; null waits (her position or village is not known yet). */
export function useActivityList(query: ActivitiesQuery | null) {
  const loaded = useLoad<ActivitySummary[]>(query === null ? null : JSON.stringify(query), () => fetchActivities(query!));
  // Seats change while she is away (she signed up on the detail page): show them as they are now.
  useReloadOnReturn(loaded.reload);
  return loaded;
}
