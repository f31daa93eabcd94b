import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { SiteDetail, SiteSummary } from '@wfh/shared';
import { ApiError, fetchManagedSite, fetchManagedSites } from '../../api';
import type { FormProblem } from '../../utils/requests';
import { fieldOfServer } from './places-draft';
import { useFormCheck } from '../../hooks/useFormCheck';
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

/**
 * A place form's draft and its save: her mistakes are found here first (the first one said aloud
 * in a toast), then the server's field errors are shown by their fields; each goes once she puts
 * its field right (useFormCheck). `submit` sends the draft.
 */
export function usePlaceForm<D extends object>(initial: () => D, problemsOf: (draft: D) => FormProblem[], submit: (draft: D) => Promise<void>) {
  const [draft, setDraft] = useState<D>(initial);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { problems, problemOf, attempt, refusedBy } = useFormCheck(draft, problemsOf);
  const change = (fields: Partial<D>) => setDraft((current) => ({ ...current, ...fields }));

  const save = async () => {
    if (busy) return;
    const found = attempt();
    setServerError(null);
    if (found.length > 0) {
      void Taro.showToast({ title: found[0].message, icon: 'none', duration: 3000 });
      return;
    }
    setBusy(true);
    try {
      await submit(draft);
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : ApiError.network();
      setServerError(error.message);
      refusedBy(error.fields.map((field) => ({ field: fieldOfServer(field), message: field.message })));
    } finally {
      setBusy(false);
    }
  };

  return { draft, change, problems, problemOf, serverError, busy, save };
}
