import {
  ApiPaths,
  pathOf,
  type FederationDetail,
  type NearbyPlace,
  type NearestQuery,
  type NearestResponse,
  type RegionDetail,
  type RegionNode,
  type SearchHit,
  type SearchResponse,
  type SiteDetail,
  type SiteSummary,
} from '@wfh/shared';
import { queryString } from '../utils/query';
import { apiRequest } from './client';

// Finding places is public: no token is sent, so it works before she signs in.

/** The nearest sites and bodies to a point, nearest first. The caller shows failures itself. */
export async function findNearest(query: NearestQuery): Promise<NearbyPlace[]> {
  const { latitude, longitude, k, type, kind, service, openNow, radiusMetres } = query;
  const path = ApiPaths.nearest + queryString({ latitude, longitude, k, type, kind, service, openNow, radiusMetres });
  const reply = await apiRequest<NearestResponse>({ path, auth: false, quiet: true });
  return reply.items;
}

export async function searchPlaces(text: string, limit = 20): Promise<SearchHit[]> {
  const path = ApiPaths.search + queryString({ q: text, limit });
  const reply = await apiRequest<SearchResponse>({ path, auth: false, quiet: true });
  return reply.items;
}

export function fetchProvinces(): Promise<RegionNode[]> {
  return apiRequest<RegionNode[]>({ path: ApiPaths.regions, auth: false, quiet: true });
}

export function fetchRegion(code: string): Promise<RegionDetail> {
  return apiRequest<RegionDetail>({ path: pathOf(ApiPaths.region, { code }), auth: false, quiet: true });
}

export function fetchRegionChildren(code: string): Promise<RegionNode[]> {
  return apiRequest<RegionNode[]>({ path: pathOf(ApiPaths.regionChildren, { code }), auth: false, quiet: true });
}

export function fetchSite(id: string): Promise<SiteDetail> {
  return apiRequest<SiteDetail>({ path: pathOf(ApiPaths.site, { id }), auth: false, quiet: true });
}

export function fetchFederation(id: string): Promise<FederationDetail> {
  return apiRequest<FederationDetail>({ path: pathOf(ApiPaths.federation, { id }), auth: false, quiet: true });
}

export function fetchFederationSites(id: string): Promise<SiteSummary[]> {
  return apiRequest<SiteSummary[]>({ path: pathOf(ApiPaths.federationSites, { id }), auth: false, quiet: true });
}
