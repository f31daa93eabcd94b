import type { StatsQuery, SubtreeStats } from '@wfh/shared';
import { fetchSubtreeStats } from '../../api';
import { useLoad } from '../../hooks/useLoad';

export function useSubtreeStats(federationId: string, range: StatsQuery) {
  return useLoad<SubtreeStats>(`stats:${federationId}:${range.from}:${range.to}`, () => fetchSubtreeStats(federationId, range));
}
