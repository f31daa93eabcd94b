import {
  ApiPaths,
  pathOf,
  type CreateSiteRequest,
  type FederationDetail,
  type SiteDetail,
  type SiteSummary,
  type UpdateFederationProfileRequest,
  type UpdateSiteRequest,
} from '@wfh/shared';
import { apiRequest } from './client';

// 「我的阵地」: a chair keeps her body's profile and its sites current. The forms show the server's
// reasons by their fields themselves (quiet).

export function updateFederationProfile(id: string, changes: UpdateFederationProfileRequest): Promise<FederationDetail> {
  return apiRequest<FederationDetail>({ method: 'PATCH', path: pathOf(ApiPaths.federation, { id }), data: changes, quiet: true });
}

/** Every site of the body, switched-off ones too. */
export function fetchManagedSites(federationId: string): Promise<SiteSummary[]> {
  return apiRequest<SiteSummary[]>({ path: pathOf(ApiPaths.federationManagedSites, { id: federationId }), quiet: true });
}

export function createSite(federationId: string, input: CreateSiteRequest): Promise<SiteDetail> {
  return apiRequest<SiteDetail>({ method: 'POST', path: pathOf(ApiPaths.federationSites, { id: federationId }), data: input, quiet: true });
}

/** A change of some fields, or `{ active: false }` to switch it off (true: on again). */
export function updateSite(id: string, changes: UpdateSiteRequest): Promise<SiteDetail> {
  return apiRequest<SiteDetail>({ method: 'PATCH', path: pathOf(ApiPaths.site, { id }), data: changes, quiet: true });
}

/** A site as its managers see it: switched off or not (the public read hides those). */
export function fetchManagedSite(id: string): Promise<SiteDetail> {
  return apiRequest<SiteDetail>({ path: pathOf(ApiPaths.site, { id }), quiet: true });
}
