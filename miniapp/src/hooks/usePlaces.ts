import type { FederationDetail, NearbyPlace, RegionNode, SearchHit, SiteDetail, SiteSummary } from '@wfh/shared';
import {
  fetchFederation,
  fetchFederationSites,
  fetchProvinces,
  fetchRegionChildren,
  fetchSite,
  findNearest,
  searchPlaces,
} from '../api';
import type { LatLng } from '../utils/coords';
import { useLoad } from './useLoad';

export interface Nearby {
  /** The nearest site open right now, if any is within reach. */
  nearestOpen: NearbyPlace | null;
  /** Sites and bodies, nearest first. */
  places: NearbyPlace[];
}

export const NEARBY_COUNT = 10;

export function useNearby(point: LatLng) {
  return useLoad<Nearby>(`${point.latitude},${point.longitude}`, async () => {
    const [open, places] = await Promise.all([
      findNearest({ ...point, k: 1, type: 'site', openNow: true }),
      findNearest({ ...point, k: NEARBY_COUNT }),
    ]);
    return { nearestOpen: open[0] ?? null, places };
  });
}

export function useSite(id: string | null) {
  return useLoad<SiteDetail>(id, () => fetchSite(id!));
}

export function useFederation(id: string | null) {
  return useLoad<FederationDetail>(id, () => fetchFederation(id!));
}

export function useFederationSites(id: string | null) {
  return useLoad<SiteSummary[]>(id, () => fetchFederationSites(id!));
}

/** The regions below a region, or the provinces at the top of the tree (null); nothing until enabled. */
export function useRegionChildren(parent: RegionNode | null, enabled = true) {
  const key = enabled ? (parent?.code ?? 'top') : null;
  return useLoad<RegionNode[]>(key, () => (parent === null ? fetchProvinces() : fetchRegionChildren(parent.code)));
}

/** A null text (nothing typed) searches nothing. */
export function usePlaceSearch(text: string | null) {
  return useLoad<SearchHit[]>(text, () => searchPlaces(text!));
}
