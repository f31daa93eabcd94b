import { ApiPaths, type DataDeletionRequest, type DataDeletionResult, type MyDataExport } from '@wfh/shared';
import { apiRequest } from './client';

/** Everything the service holds about her, decrypted: her copy. */
export function fetchMyData(): Promise<MyDataExport> {
  return apiRequest<MyDataExport>({ path: ApiPaths.myData, quiet: true });
}

/** 注销: the page shows a refusal (a request still open) itself, so no toast. */
export function deleteMyData(): Promise<DataDeletionResult> {
  const body: DataDeletionRequest = { confirm: true };
  return apiRequest<DataDeletionResult>({ method: 'POST', path: ApiPaths.myDataDeletion, data: body, quiet: true });
}
