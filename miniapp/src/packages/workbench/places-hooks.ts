import type { SiteDetail, SiteSummary } from '@wfh/shared';
import { fetchManagedSite, fetchManagedSites } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { useReloadOnReturn } from '../../hooks/useRequests';

/** Her body's sites, switched-off ones too; read again when she comes back from changing one. */
export function useManagedSites(federationId: string | null) {
  const loaded = useLoad<SiteSummary[]>(federationId === null ? null : `managed-sites:${federationId}`, () => fetchManagedSites(federationId!));
  useReloadOnReturn(loaded.reload);
  return loaded;
}

export function useManagedSite(id: string | null) {
  return useLoad<SiteDetail>(id === null ? null : `managed-site:${id}`, () => fetchManagedSite(id!));
}
