import { ApiPaths, pathOf, type PublicBodyStats, type StatsQuery, type SubtreeStats } from '@wfh/shared';
import { queryString } from '../utils/query';
import { apiRequest } from './client';

// The pages show the server's reason themselves (a range it refuses, a body she may not see), so
// the calls are quiet.

/** A body and each body directly under it, for a range of local dates (both ends included). */
export function fetchSubtreeStats(federationId: string, range: StatsQuery): Promise<SubtreeStats> {
  const path = pathOf(ApiPaths.federationStats, { id: federationId }) + queryString({ from: range.from, to: range.to });
  return apiRequest<SubtreeStats>({ path, quiet: true });
}

/** The same table as CSV text, for a spreadsheet. */
export function fetchSubtreeStatsCsv(federationId: string, range: StatsQuery): Promise<string> {
  const path = pathOf(ApiPaths.federationStatsCsv, { id: federationId }) + queryString({ from: range.from, to: range.to });
  return apiRequest<string>({ path, dataType: 'text', quiet: true });
}

/** 工作公开: open to anyone, so no token is sent. */
export function fetchPublicStats(federationId: string): Promise<PublicBodyStats> {
  return apiRequest<PublicBodyStats>({ path: pathOf(ApiPaths.federationPublicStats, { id: federationId }), auth: false, quiet: true });
}
